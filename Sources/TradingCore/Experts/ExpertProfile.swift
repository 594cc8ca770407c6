import Foundation

/// 评标专家 — one expert of the registry: specialties, title, years of practice, birth date, employer and
/// affiliations with their dates, declared relatives, region, availability and status.
public struct ExpertProfile: Sendable, Codable, Equatable {
    /// The registry identifier (e.g. the provincial expert number).
    public var id: String
    /// Full name.
    public var name: String
    /// Specialty codes from the specialty list (``SpecialtyCatalog``); the first is the main one.
    public var specialties: [String]
    /// Professional title (职称), e.g. 高级工程师.
    public var title: String
    /// Years of professional practice.
    public var practiceYears: Int
    /// Birth date; an expert must be under 70 on the draw date (采条39).
    public var birthDate: LocalDate
    /// The current employer.
    public var employer: Organisation
    /// Past employers and other affiliations, with dates (checked three years back).
    public var affiliations: [Affiliation]
    /// Close relatives the expert declared, with the organisation they work for or lead.
    public var relatives: [Organisation]
    /// Region the expert works in.
    public var region: String
    /// Whether the expert accepts draws now.
    public var available: Bool
    /// Active, suspended or retired.
    public var status: ExpertStatus
    /// A recorded punishment for tendering offences, if any (评标委员会规定12).
    public var punishment: String?

    /// Creates an ``ExpertProfile`` from its fields.
    public init(
        id: String, name: String, specialties: [String], title: String, practiceYears: Int, birthDate: LocalDate, employer: Organisation,
        affiliations: [Affiliation] = [], relatives: [Organisation] = [], region: String, available: Bool = true, status: ExpertStatus = .active,
        punishment: String? = nil
    ) {
        self.id = id
        self.name = name
        self.specialties = specialties
        self.title = title
        self.practiceYears = practiceYears
        self.birthDate = birthDate
        self.employer = employer
        self.affiliations = affiliations
        self.relatives = relatives
        self.region = region
        self.available = available
        self.status = status
        self.punishment = punishment
    }

    enum CodingKeys: String, CodingKey {
        case id, name, specialties, title, practiceYears, birthDate, employer, affiliations, relatives, region, available, status, punishment
    }

    /// Decodes a profile; `affiliations` and `relatives` default to none, `available` to true, `status` to active.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
            specialties: try container.decode([String].self, forKey: .specialties), title: try container.decode(String.self, forKey: .title),
            practiceYears: try container.decode(Int.self, forKey: .practiceYears), birthDate: try container.decode(LocalDate.self, forKey: .birthDate),
            employer: try container.decode(Organisation.self, forKey: .employer),
            affiliations: try container.decodeIfPresent([Affiliation].self, forKey: .affiliations) ?? [],
            relatives: try container.decodeIfPresent([Organisation].self, forKey: .relatives) ?? [],
            region: try container.decode(String.self, forKey: .region), available: try container.decodeIfPresent(Bool.self, forKey: .available) ?? true,
            status: try container.decodeIfPresent(ExpertStatus.self, forKey: .status) ?? .active,
            punishment: try container.decodeIfPresent(String.self, forKey: .punishment)
        )
    }

    /// Age in whole years on `date`.
    public func age(on date: LocalDate) -> Int {
        var age = date.year - self.birthDate.year
        if (date.month, date.day) < (self.birthDate.month, self.birthDate.day) { age -= 1 }
        return age
    }

    /// Whether the expert may be drawn on `date`: active, available and under 70 (采条39).
    public func isDrawable(on date: LocalDate) -> Bool {
        self.status == .active && self.available && self.age(on: date) < Self.maximumAge
    }

    /// Experts are drawn only while younger than this (采条39).
    public static let maximumAge = 70

    /// Checks the fields a registry accepts: identifier, name, known specialties, plausible numbers and dates.
    public func validate(specialties catalog: SpecialtyCatalog, today: LocalDate) throws(TradingError) {
        let id = self.id.trimmingCharacters(in: .whitespaces)
        guard (1...64).contains(id.count), id.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            throw .invalid("expert-id", zh: "专家编号应为1至64位字母、数字或-_.", en: "An expert id is 1–64 letters, digits or -_.")
        }
        guard (1...64).contains(self.name.trimmingCharacters(in: .whitespaces).count) else {
            throw .invalid("expert-name", zh: "请填写专家姓名", en: "An expert needs a name")
        }
        guard !self.specialties.isEmpty else { throw .invalid("expert-specialty", zh: "至少填写一个专业代码", en: "At least one specialty code is required") }
        for code in self.specialties where !catalog.contains(code) {
            throw .invalid("expert-specialty", zh: "专业代码\(code)不在专业分类目录中", en: "Specialty code \(code) is not in the specialty list")
        }
        guard (0...70).contains(self.practiceYears) else {
            throw .invalid("expert-practice", zh: "从业年限应为0至70年", en: "Years of practice must be 0–70")
        }
        guard self.birthDate < today, self.age(on: today) >= 18 else {
            throw .invalid("expert-birth-date", zh: "出生日期无效", en: "The birth date is not plausible")
        }
        guard !self.employer.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalid("expert-employer", zh: "请填写工作单位", en: "An employer is required")
        }
        for affiliation in self.affiliations {
            if let until = affiliation.until, until < affiliation.from {
                throw .invalid("expert-affiliation-dates", zh: "任职经历\(affiliation.organisation.name)的结束日期早于开始日期",
                               en: "The affiliation with \(affiliation.organisation.name) ends before it starts")
            }
        }
        guard !self.region.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw .invalid("expert-region", zh: "请填写所在地区", en: "A region is required")
        }
    }
}

/// 专家状态 — whether an expert can be drawn at all.
public enum ExpertStatus: String, Sendable, Codable, CaseIterable {
    /// 在库
    case active
    /// 暂停
    case suspended
    /// 退出
    case retired
}

/// An organisation an expert is or was tied to: its unified social credit code when known, and its name.
public struct Organisation: Sendable, Codable, Equatable, Hashable {
    /// Unified social credit code (统一社会信用代码), or empty when unknown.
    public var code: String
    /// Name.
    public var name: String

    /// Creates an ``Organisation`` from its fields.
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }

    /// The key the per-organisation cap and the conflict checks compare: the code, else the name.
    public var key: String {
        self.code.isEmpty ? self.name : self.code
    }
}

/// 任职经历 — a past or present affiliation (employment, a board seat, a consultancy) with its dates.
public struct Affiliation: Sendable, Codable, Equatable {
    /// The organisation.
    public var organisation: Organisation
    /// First day.
    public var from: LocalDate
    /// Last day, or nil while it lasts.
    public var until: LocalDate?

    /// Creates an ``Affiliation`` from its fields.
    public init(organisation: Organisation, from: LocalDate, until: LocalDate? = nil) {
        self.organisation = organisation
        self.from = from
        self.until = until
    }
}
