/// Colour classes for the OPD gap heat map (competency × unit). The page's stylesheet defines
/// the colours; the CSP forbids inline styles, so cells carry a class and never a `style=`.
public enum HeatScale {
    /// The class for a cell's mean gap (required − actual, averaged over assessed employees).
    /// Steps of half a level: a mean gap of 0,5 means every second person is one level short.
    public static func cssClass(meanGap: Double?) -> String {
        guard let g = meanGap, !g.isNaN else { return "heat-none" }
        switch g {
        case ...0: return "heat-0" // standard met or exceeded on average
        case ...0.5: return "heat-1"
        case ...1: return "heat-2"
        case ...1.5: return "heat-3"
        default: return "heat-4"
        }
    }

    /// Every class `cssClass` can return, lightest first (for the legend and the stylesheet).
    public static let allClasses = ["heat-none", "heat-0", "heat-1", "heat-2", "heat-3", "heat-4"]
}
