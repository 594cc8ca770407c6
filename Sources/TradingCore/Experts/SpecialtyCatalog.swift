import Foundation

/// 专家专业分类 — the hierarchical list of specialty codes experts are registered and drawn under.
///
/// Data, not code: the platform loads it from a JSON resource (`[{"code", "zh", "en", "children": [...]}]`),
/// so a city can publish its own classification without a release.
public struct SpecialtyCatalog: Sendable, Equatable {
    /// The top-level specialties with their sub-specialties.
    public var roots: [Specialty]
    private var parents: [String: String]
    private var names: [String: Specialty]

    /// A catalog from its top-level entries; throws on a repeated or empty code.
    public init(roots: [Specialty]) throws(TradingError) {
        self.roots = roots
        self.parents = [:]
        self.names = [:]
        var stack = roots.map { ($0, String?.none) }
        while let (node, parent) = stack.popLast() {
            let code = node.code.trimmingCharacters(in: .whitespaces)
            guard !code.isEmpty, self.names[code] == nil else {
                throw .invalid("specialty-code", zh: "专业代码\(code)为空或重复", en: "Specialty code \(code) is empty or repeated")
            }
            self.names[code] = node
            if let parent { self.parents[code] = parent }
            stack += node.children.map { ($0, Optional(code)) }
        }
    }

    /// Whether `code` is in the list.
    public func contains(_ code: String) -> Bool {
        self.names[code] != nil
    }

    /// The entry for `code`.
    public func specialty(_ code: String) -> Specialty? {
        self.names[code]
    }

    /// Whether `code` is `category` or lies below it.
    public func code(_ code: String, isWithin category: String) -> Bool {
        var current: String? = code
        while let step = current {
            if step == category { return true }
            current = self.parents[step]
        }
        return false
    }

    /// Number of codes at every level.
    public var count: Int { self.names.count }
}

/// One specialty: its code, Chinese and English names, and sub-specialties.
public struct Specialty: Sendable, Codable, Equatable {
    /// The code, e.g. `C0201`.
    public var code: String
    /// 中文名称.
    public var zh: String
    /// English name.
    public var en: String
    /// Sub-specialties.
    public var children: [Specialty]

    /// Creates a ``Specialty`` from its fields.
    public init(code: String, zh: String, en: String, children: [Specialty] = []) {
        self.code = code
        self.zh = zh
        self.en = en
        self.children = children
    }

    enum CodingKeys: String, CodingKey { case code, zh, en, children }

    /// Decodes a specialty; `children` may be omitted.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.code = try container.decode(String.self, forKey: .code)
        self.zh = try container.decode(String.self, forKey: .zh)
        self.en = try container.decode(String.self, forKey: .en)
        self.children = try container.decodeIfPresent([Specialty].self, forKey: .children) ?? []
    }
}
