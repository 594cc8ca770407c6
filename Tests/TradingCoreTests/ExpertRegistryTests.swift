import Testing
import TradingCore

@Suite("Expert registry: specialty list, CSV import, age limit, conflicts of interest")
struct ExpertRegistryTests {
    static let catalog = try! SpecialtyCatalog(roots: [
        Specialty(code: "C", zh: "工程类", en: "Engineering", children: [
            Specialty(code: "C02", zh: "市政", en: "Municipal", children: [Specialty(code: "C0201", zh: "道路", en: "Roads")]),
        ]),
        Specialty(code: "E", zh: "经济类", en: "Economics", children: [Specialty(code: "E01", zh: "造价", en: "Cost")]),
    ])
    static let today = LocalDate(year: 2026, month: 11, day: 2)
    static let header = "id,name,specialties,title,practice_years,birth_date,employer_code,employer_name,region,available,status,affiliations,relatives,punishment"

    @Test("the specialty list is a hierarchy: a code lies within itself and its ancestors only")
    func hierarchy() throws {
        #expect(Self.catalog.count == 5)
        #expect(Self.catalog.code("C0201", isWithin: "C") && Self.catalog.code("C0201", isWithin: "C02") && Self.catalog.code("C02", isWithin: "C02"))
        #expect(!Self.catalog.code("C02", isWithin: "C0201") && !Self.catalog.code("E01", isWithin: "C"))
        #expect(throws: TradingError.self) { try SpecialtyCatalog(roots: [Specialty(code: "A", zh: "a", en: "a"), Specialty(code: "A", zh: "b", en: "b")]) }
    }

    @Test("CSV: valid rows come back with their row numbers, each refused row with its number and a zh/en reason")
    func csvRowErrors() throws {
        let text = """
            \(Self.header)
            E1,张三,C0201;E01,高级工程师,12,1970-05-01,911100001000000011,厦门路桥公司,厦门市,yes,active,"911100001000000029|旧单位|2019-01-01|2024-06-30",,
            E2,李四,X99,工程师,5,1980-01-01,,某公司,厦门市,,,,,
            E3,王五,C02,工程师,abc,1980-01-01,,某公司,厦门市,,,,,
            E1,重复,C02,工程师,5,1980-01-01,,某公司,厦门市,,,,,
            E5,赵六,E01,会计师,8,1985-02-03,,某事务所,泉州市,no,suspended,,"911100001000000037|某投标人",受过处罚
            E6,钱七,C02,工程师,5,1980-01-01,,某公司,厦门市,maybe,,,,
            E7,孙八,C02,工程师
            """
        let csv = try ExpertCSV(text: text, specialties: Self.catalog, today: Self.today)
        #expect(csv.rows.map(\.number) == [2, 6])
        #expect(csv.errors.map(\.row) == [3, 4, 5, 7, 8])
        #expect(csv.errors[0].zh.contains("X99") && csv.errors[0].en.contains("X99"))
        #expect(csv.errors[2].en.contains("twice"))
        let first = try #require(csv.rows.first?.profile)
        #expect(first.specialties == ["C0201", "E01"] && first.affiliations.first?.until == LocalDate(year: 2024, month: 6, day: 30))
        let fifth = try #require(csv.rows.last?.profile)
        #expect(!fifth.available && fifth.status == .suspended && fifth.punishment == "受过处罚" && fifth.relatives.first?.name == "某投标人")
        #expect(throws: TradingError.self) { try ExpertCSV(text: "id,name\nE1,x", specialties: Self.catalog, today: Self.today) }
    }

    @Test("采条39: an expert is drawable only while under 70 on the draw date, active and available")
    func ageLimit() {
        var expert = Self.expert(birth: LocalDate(year: 1956, month: 11, day: 3))
        #expect(expert.age(on: Self.today) == 69 && expert.isDrawable(on: Self.today))
        #expect(!expert.isDrawable(on: LocalDate(year: 2026, month: 11, day: 3)), "70 on the birthday")
        expert.status = .retired
        #expect(!expert.isDrawable(on: Self.today))
        expert.status = .active
        expert.available = false
        #expect(!expert.isDrawable(on: Self.today))
    }

    @Test("评标委员会规定12: employer or affiliation with a bidder or the tenderer within 3 years, supervisors, punishment, relatives")
    func conflicts() {
        let bidder = Organisation(code: "B1", name: "投标人甲")
        let tenderer = Organisation(code: "T1", name: "招标人")
        let check = ConflictCheck(bidders: [bidder], tenderer: tenderer, supervisors: [Organisation(code: "S1", name: "住建局")], date: Self.today)
        #expect(check.reason(for: Self.expert()) == nil)
        var employed = Self.expert()
        employed.employer = bidder
        #expect(check.reasons(for: employed).count == 1 && check.reason(for: employed)!.contains("12(3)") && check.reason(for: employed)!.contains("B1"))
        var recent = Self.expert()
        recent.affiliations = [Affiliation(organisation: tenderer, from: LocalDate(year: 2015, month: 1, day: 1), until: LocalDate(year: 2023, month: 11, day: 2))]
        #expect(check.reason(for: recent)?.contains("tenderer T1") == true, "ended exactly three years ago: still counts")
        recent.affiliations[0].until = LocalDate(year: 2023, month: 11, day: 1)
        #expect(check.reason(for: recent) == nil, "ended more than three years ago")
        var staff = Self.expert()
        staff.employer = Organisation(code: "S1", name: "住建局")
        #expect(check.reason(for: staff)?.contains("12(2)") == true)
        var punished = Self.expert()
        punished.punishment = "2024年串标被处罚"
        #expect(check.reason(for: punished)?.contains("12(4)") == true)
        var related = Self.expert()
        related.relatives = [Organisation(code: "", name: "投标人甲")]
        #expect(check.reason(for: related)?.contains("12(1)") == true, "a relative's organisation matched by name when no code is given")
    }

    static func expert(birth: LocalDate = LocalDate(year: 1975, month: 1, day: 1)) -> ExpertProfile {
        ExpertProfile(
            id: "E1", name: "张三", specialties: ["C02"], title: "高级工程师", practiceYears: 10, birthDate: birth,
            employer: Organisation(code: "X1", name: "无关单位"), region: "厦门市"
        )
    }
}
