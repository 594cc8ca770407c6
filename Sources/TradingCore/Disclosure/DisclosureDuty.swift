import Foundation

/// 公开事项 — one duty of the disclosure catalog: what must be published, for which trading types, after which step,
/// within what time, by whom, and on what legal basis.
public struct DisclosureDuty: Sendable, Codable, Equatable {
    /// What is published: a notice of a kind (`NoticeKind`) or a project document of a kind (`tender`, `contract`).
    public enum Item: Sendable, Codable, Equatable {
        case notice(String)
        case document(String)

        enum CodingKeys: String, CodingKey { case notice, document }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let kind = try container.decodeIfPresent(String.self, forKey: .notice) {
                self = .notice(kind)
            } else {
                self = .document(try container.decode(String.self, forKey: .document))
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch self {
            case .notice(let kind): try container.encode(kind, forKey: .notice)
            case .document(let kind): try container.encode(kind, forKey: .document)
            }
        }
    }

    /// The step of a lot that starts the clock, as the witness log records it.
    public enum Trigger: String, Sendable, Codable, CaseIterable {
        case announced = "project.announced"
        case opened = "lot.opened"
        case candidatesPublished = "lot.candidates-published"
        case awarded = "lot.awarded"
        case contractSigned = "lot.contract-signed"
    }

    /// Who must publish: the tenderer (or its agency), or the platform itself.
    public enum Responsible: String, Sendable, Codable {
        case tenderer
        case platform
    }

    public var code: String
    public var nameZh: String
    public var nameEn: String
    public var tradingTypes: [String]
    public var item: Item
    public var trigger: Trigger
    public var within: Int
    public var unit: PeriodUnit
    public var responsible: Responsible
    /// True when the platform publishes it by itself as the step happens; false when someone must upload it.
    public var automatic: Bool
    public var basis: String
}

/// 公开目录 — the disclosure catalog: data, loaded from a JSON file, so that a new duty is a row, not a release.
public struct DisclosureCatalog: Sendable, Codable, Equatable {
    public var version: Int
    public var duties: [DisclosureDuty]

    public init(version: Int, duties: [DisclosureDuty]) {
        self.version = version
        self.duties = duties
    }

    /// Reads the catalog, refusing duplicate codes, negative periods and unknown notice kinds.
    public init(json: Data) throws {
        self = try JSONDecoder().decode(DisclosureCatalog.self, from: json)
        var seen = Set<String>()
        for duty in self.duties {
            guard seen.insert(duty.code).inserted else { throw DisclosureCatalogError("duty \(duty.code) appears twice") }
            guard duty.within >= 0 else { throw DisclosureCatalogError("duty \(duty.code) has a negative period") }
            guard !duty.tradingTypes.isEmpty else { throw DisclosureCatalogError("duty \(duty.code) names no trading type") }
            if case .notice(let kind) = duty.item, NoticeKind(rawValue: kind) == nil {
                throw DisclosureCatalogError("duty \(duty.code) names an unknown notice kind \(kind)")
            }
        }
    }

    /// The duties of one trading type.
    public func duties(for tradingType: String) -> [DisclosureDuty] {
        self.duties.filter { $0.tradingTypes.contains(tradingType) }
    }
}

/// A disclosure catalog that cannot be used, with the reason.
public struct DisclosureCatalogError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
