import KompetenCore

/// One demo programme as the catalogue tables write it: what it raises, for whom, its size and price.
extension DemoCatalogue {
    struct Row {
        let suffix: String, title: String, path: String?, provider: String, raises: [String]
        let jp: Int, cost: Int, cap: Int, description: String
        let audience: Audience, role: Role, gain: Int, online: Online, venue: String?

        init(
            _ suffix: String, _ title: String, _ path: String?, _ provider: String, _ raises: [String],
            jp: Int, cost: Int, cap: Int, _ description: String, audience: Audience = .all, role: Role = .regular,
            gain: Int = 1, online: Online = .sometimes(0.15), venue: String? = nil
        ) {
            self.suffix = suffix
            self.title = title
            self.path = path
            self.provider = provider
            self.raises = raises
            self.jp = jp
            self.cost = cost
            self.cap = cap
            self.description = description
            self.audience = audience
            self.role = role
            self.gain = gain
            self.online = online
            self.venue = venue
        }
    }
}
