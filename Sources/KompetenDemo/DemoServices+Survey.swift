/// SKM responses (PermenPANRB 14/2017: nine elements U1…U9 answered 1…4).
///
/// Each element's mean follows the service's month (`DemoServiceModel.Month.level`) with an offset
/// (complaint handling, U8, is the weakest everywhere), U3 tracks the month's on-time share, U4 is
/// "Gratis" for a free service, and training lifts U6 and U3 most. A respondent's mood shifts all
/// nine answers together, as real questionnaires do.
extension DemoServiceModel {
    /// Responses per received application (the floor below keeps small services in the survey).
    static let responseRate = 0.031
    /// U1…U9: offset from the month's level, and the lift of full training.
    static let offsets: [Double] = [0.05, 0, -0.12, 0, 0.08, 0.02, 0.08, -0.18, -0.05]
    static let lifts: [Double] = [0.2, 0.3, 0.3, 0.05, 0.25, 0.5, 0.35, 0.3, 0.15]

    /// The responses of every month, by time. `months`: the reported figures (for the on-time share).
    func responses(months: [DemoServiceMonth], rng: inout DemoRandom) -> [DemoSurveyResponse] {
        var out: [DemoSurveyResponse] = []
        let last = Double(max(1, plan.count - 1))
        for (i, m) in plan.enumerated() {
            let days = calendar.workdays[i]
            let floor = 5 + rng.below(4)
            let wanted = Int((Self.responseRate * Double(m.received) * (1 + rng.noise(0.15))).rounded())
            guard !days.isEmpty else { continue }
            let count = max(Int((Double(floor) * calendar.elapsed[i]).rounded(.up)), wanted)
            let share = months[i].completed > 0 ? Double(months[i].onTime) / Double(months[i].completed) : m.onTime
            let means = elementMeans(m, onTimeShare: share)
            // Online answers (the QR code on the counter) replace paper over the two years.
            let t = Double(i) / last
            let channels = [0.52 + 0.14 * t, 0.25, 0.23 - 0.14 * t]
            var batch: [(day: Int, minute: Int, response: DemoSurveyResponse)] = []
            for _ in 0..<count {
                let day = rng.pick(days)
                let minute =
                    DemoServiceCalendar.opens + rng.below(DemoServiceCalendar.lastIntake - DemoServiceCalendar.opens)
                let channel = ["daring", "kios", "kertas"][rng.weighted(channels)]
                let answers = Self.answers(means, rng: &rng)
                let profile = DemoRespondent.draw(spec.audience, channel: channel, rng: &rng)
                batch.append(
                    (
                        day, minute,
                        DemoSurveyResponse(
                            serviceCode: spec.code, at: DemoMoment(date: DemoCalendar.date(day), minute: minute),
                            answers: answers,
                            sex: profile?.sex, ageBand: profile?.age, education: profile?.education,
                            occupation: profile?.occupation,
                            channel: channel)
                    ))
            }
            batch.sort { ($0.day, $0.minute) < ($1.day, $1.minute) }
            out += batch.map(\.response)
        }
        return out
    }

    /// The latent mean of U1…U9 in month `m`.
    func elementMeans(_ m: Month, onTimeShare: Double) -> [Double] {
        (0..<9).map { k in
            if k == 3 { return spec.fee == 0 ? 4.05 : m.level - 0.05 }
            var mean = m.level + Self.offsets[k] + Self.lifts[k] * m.effect
            if k == 2 { mean += 1.2 * (onTimeShare - baseOnTime) }
            return mean
        }
    }

    /// Nine answers around `means`: one mood for the respondent, a little noise per element, cut
    /// at the midpoints between the scale's values.
    static func answers(_ means: [Double], rng: inout DemoRandom) -> [Int] {
        let mood = rng.noise(0.3)
        return means.map { mean in
            let x = mean + mood + rng.noise(0.42)
            return x < 1.5 ? 1 : x < 2.5 ? 2 : x < 3.5 ? 3 : 4
        }
    }
}

/// The optional respondent profile of an SKM form.
struct DemoRespondent {
    let sex: String, age: String, education: String, occupation: String

    static let ages = ["under20", "20-29", "30-39", "40-49", "50-59", "60plus"]
    static let educations = ["sd", "smp", "sma", "diploma", "s1", "s2", "s3"]
    static let occupations = ["pns", "tni_polri", "swasta", "wirausaha", "pelajar", "lainnya"]

    /// Nil when the respondent skipped the profile (about 30 %, more often at the kiosk).
    static func draw(_ audience: DemoServiceSpec.Audience, channel: String, rng: inout DemoRandom) -> DemoRespondent? {
        let given = channel == "daring" ? 0.75 : channel == "kios" ? 0.6 : 0.68
        guard rng.chance(given) else { return nil }
        let (female, age, education, occupation): (Double, [Double], [Double], [Double]) =
            switch audience {
            case .general: (0.48, [5, 22, 27, 22, 15, 9], [7, 11, 42, 10, 25, 4.5, 0.5], [12, 3, 25, 22, 6, 32])
            case .youth: (0.5, [55, 35, 6, 2, 1, 1], [1, 12, 72, 5, 10, 0, 0], [2, 1, 12, 5, 65, 15])
            case .parents: (0.72, [3, 38, 40, 14, 4, 1], [7, 11, 42, 10, 25, 4.5, 0.5], [14, 4, 30, 22, 0, 30])
            case .patients: (0.6, [8, 17, 20, 20, 17, 18], [14, 15, 40, 8, 19, 3.5, 0.5], [10, 2, 20, 20, 10, 38])
            case .business: (0.42, [1, 17, 33, 27, 16, 6], [3, 7, 40, 12, 32, 5.5, 0.5], [3, 1, 25, 62, 0, 9])
            }
        let a = rng.weighted(age)
        var e = rng.weighted(education)
        var o = rng.weighted(occupation)
        // Keep the profile possible: a teenager is at school with at most SMA; nobody over 60 is a pupil.
        if a == 0 {
            e = min(e, 2)
            if rng.chance(0.8) { o = 4 }
        } else if o == 4, a >= 3 {
            o = 5
        }
        return DemoRespondent(
            sex: rng.chance(female) ? "perempuan" : "laki", age: ages[a], education: educations[e],
            occupation: occupations[o])
    }
}
