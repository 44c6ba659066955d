import Diagnostics

/// A deadline campaign: the facts `<name>.deadline` (an instant) and `<name>.title` (a text),
/// optionally `<name>.after-deadline` (what still helps once it has passed).
public struct Campaign: Sendable, Hashable {
    /// The fact namespace, e.g. `meta-ai`.
    public var name: String
    /// The campaign's title in each language.
    public var title: LocalizedText
    /// The deadline instant.
    public var deadline: Instant
    /// What a reader can still do after the deadline.
    public var afterDeadline: LocalizedText?
    /// The facts the banner prints, so pages that show it depend on them.
    public var factKeys: [String]

    /// The campaigns `config` declares, checked against `facts`.
    public static func load(config: SiteConfig, facts: FactStore, errors: inout [ContentError]) -> [String: Campaign] {
        var campaigns: [String: Campaign] = [:]
        for name in config.campaigns {
            let location = config.campaignLocations[name] ?? config.location
            guard let deadlineFact = facts["\(name).deadline"] else {
                errors.append(
                    ContentError.invalidCampaign(
                        location, name: name,
                        reason: "has no deadline; define the fact \"deadline\" (an instant with a timeZone) in content/facts/\(name).json"))
                continue
            }
            guard case .instant(let deadline) = deadlineFact.value else {
                errors.append(
                    ContentError.invalidCampaign(
                        deadlineFact.location, name: name,
                        reason:
                            "needs \"deadline\" to be an instant with a time zone, e.g. {\"instant\": \"2025-05-27T00:00\", \"timeZone\": \"Europe/Brussels\"}"
                    ))
                continue
            }
            let title: LocalizedText
            switch facts["\(name).title"]?.value {
            case .text(let text)?: title = text
            case .string(let text)?: title = LocalizedText(Dictionary(uniqueKeysWithValues: config.languages.map { ($0, text) }))
            default:
                errors.append(
                    ContentError.invalidCampaign(
                        facts["\(name).title"]?.location ?? location, name: name,
                        reason: "needs a \"title\" fact (a localized text) in content/facts/\(name).json"))
                continue
            }
            var after: LocalizedText?
            if case .text(let text)? = facts["\(name).after-deadline"]?.value { after = text }
            let keys = ["\(name).deadline", "\(name).title"] + (after == nil ? [] : ["\(name).after-deadline"])
            campaigns[name] = Campaign(name: name, title: title, deadline: deadline, afterDeadline: after, factKeys: keys)
        }
        return campaigns
    }
}
