import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing
import TradingCore

@Suite("The expert registry through the API: CSV import with a row report, edits with history, access")
struct ExpertRegistryServerTests {
    @Test("import reports refused rows by number and imports the rest in one logged transaction; edits are versioned and logged",
          arguments: TestEngine.available)
    func importAndEdit(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup
            let base = try await Fixture.make(client)
            let csv = """
                id,name,specialties,title,practice_years,birth_date,employer_name,region
                R-1,甲,C0201,工程师,5,1980-01-01,单位甲,厦门市
                R-2,乙,NOPE,工程师,5,1980-01-01,单位乙,厦门市
                R-3,丙,E01,会计师,7,1982-02-02,单位丙,泉州市
                R-4,丁,E01,会计师,7,not-a-date,单位丁,泉州市
                """
            // refusals: only the operator imports; a broken header refuses the file and writes nothing
            #expect(try await client.upload("/api/v1/experts/import", token: base.tenderer, bytes: Array(csv.utf8)).status == .forbidden)
            let before = try await test.snapshot()
            let (badHeader, badHeaderProblem) = try await client.upload("/api/v1/experts/import", token: base.operatorToken, bytes: Array("id,name\nR-9,x".utf8))
            #expect(badHeader == .unprocessableContent && badHeaderProblem["code"] as? String == "csv-header")
            #expect(try await test.snapshot() == before)
            // exercise
            let (status, report) = try await client.upload("/api/v1/experts/import", token: base.operatorToken, bytes: Array(csv.utf8))
            // validate
            #expect(status == .ok && report["imported"] as? Int == 2)
            let errors = try #require(report["errors"] as? [[String: Any]])
            #expect(errors.map { $0["row"] as? Int } == [3, 5])
            #expect((errors[0]["zh"] as? String)?.contains("NOPE") == true && (errors[1]["en"] as? String)?.contains("birth_date") == true)
            let (_, list) = try await client.json(.get, "/api/v1/experts", token: base.regulator)
            #expect((list["items"] as? [[String: Any]])?.compactMap { ($0["profile"] as? [String: Any])?["id"] as? String } == ["R-1", "R-3"])
            #expect(try await client.json(.get, "/api/v1/experts", token: base.tenderer).status == .forbidden)
            let (_, branch) = try await client.json(.get, "/api/v1/experts?specialty=C02", token: base.operatorToken)
            #expect((branch["items"] as? [[String: Any]])?.count == 1, "C0201 lies within C02")
            // an edit: new version, history row, log entry with the record's hash and no personal data
            let (_, current) = try await client.json(.get, "/api/v1/experts/R-1", token: base.operatorToken)
            var profile = try #require(current["profile"] as? [String: Any])
            profile["title"] = "高级工程师"
            profile["status"] = "suspended"
            let (edited, editedJSON) = try await client.json(.put, "/api/v1/experts/R-1", token: base.operatorToken, body: ["profile": profile])
            #expect(edited == .ok && editedJSON["version"] as? Int == 2)
            let (_, history) = try await client.json(.get, "/api/v1/experts/R-1/history", token: base.operatorToken)
            let versions = try #require(history["items"] as? [[String: Any]])
            #expect(versions.map { $0["version"] as? Int } == [1, 2] && (versions[1]["profile"] as? [String: Any])?["status"] as? String == "suspended")
            let entries = try await test.platform.engine.read { db in try await LogRecords.entries(from: 0, limit: 1000, on: db).map(\.entry) }
            #expect(entries.filter { $0.contains("expert.imported") }.count == 1)
            let edit = try #require(entries.last)
            #expect(edit.contains("expert.edited") && edit.contains("recordSha256") && !edit.contains("甲") && !edit.contains("1980-01-01"))
            // a second registration of the same id is refused; a bad specialty too
            let (duplicate, _) = try await client.json(.post, "/api/v1/experts", token: base.operatorToken, body: ["profile": profile])
            #expect(duplicate == .conflict)
            profile["id"] = "R-7"
            profile["specialties"] = ["ZZ"]
            let (badSpecialty, badProblem) = try await client.json(.post, "/api/v1/experts", token: base.operatorToken, body: ["profile": profile])
            #expect(badSpecialty == .unprocessableContent && badProblem["code"] as? String == "expert-specialty")
            // a minimal registration: no affiliations or relatives, available and active by default
            let minimal: [String: Any] = [
                "id": "R-8", "name": "戊", "specialties": ["S01"], "title": "工程师", "practiceYears": 3, "birthDate": "1990-01-01",
                "employer": ["code": "", "name": "单位戊"], "region": "厦门市",
            ]
            let (registered, registeredJSON) = try await client.json(.post, "/api/v1/experts", token: base.operatorToken, body: ["profile": minimal])
            #expect(registered == .created && (registeredJSON["profile"] as? [String: Any])?["status"] as? String == "active")
            // the specialty list is public data
            let (_, specialties) = try await client.json(.get, "/api/v1/experts/specialties")
            #expect((specialties["items"] as? [[String: Any]])?.compactMap { $0["code"] as? String }.contains("C") == true)
        }
    }
}
