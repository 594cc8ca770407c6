import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Storage
import Testing
import TradingCore

/// The HTML portal through the real router: pages, forms, cookies and POST-redirect-GET.
@Suite struct PortalTests {
    @Test(arguments: TestEngine.available)
    func homeRendersChineseAsUTF8HTML(engine: TestEngine) async throws {
        // setup
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // exercise
            let page = try await client.page("/")
            // validate
            #expect(page.status == .ok)
            #expect(page.contentType == "text/html; charset=utf-8")
            for name in ["工程建设", "政府采购", "产权交易", "土地使用权", "资产资源", "交易公告"] {
                #expect(page.body.contains(name), "home lacks \(name)")
            }
            #expect(page.body.contains("name=\"viewport\""))
            let css = try await client.page("/static/style.css")
            #expect(css.status == .ok)
        }
    }

    @Test(arguments: TestEngine.available)
    func registerAndLoginThroughFormsSetTheSessionCookie(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup: register through the form
            let registered = try await client.form("/register", [
                "name": "滨江建设投资有限公司", "creditCode": TestPlatform.code(7), "username": "binjiang", "password": "password-123", "role": "tenderer",
            ])
            #expect(registered.status == .seeOther)
            #expect(registered.location == "/login?done=welcome")
            // exercise
            let wrong = try await client.form("/login", ["username": "binjiang", "password": "wrong-password"])
            let login = try await client.form("/login", ["username": "binjiang", "password": "password-123"])
            // validate
            #expect(wrong.status == .unauthorized)
            #expect(wrong.body.contains("用户名或密码错误"))
            #expect(login.status == .seeOther)
            #expect(login.location == "/workspace")
            let cookie = try #require(login.headers[.setCookie])
            #expect(cookie.hasPrefix("yw_session="))
            #expect(cookie.contains("Path=/") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"))
            let workspace = try await client.page("/workspace", cookie: login.session)
            #expect(workspace.status == .ok)
            #expect(workspace.body.contains("滨江建设投资有限公司"))
            #expect(workspace.body.contains("创建项目"))
            let logout = try await client.form("/logout", [:], cookie: login.session)
            #expect(logout.status == .seeOther)
            #expect(try await client.page("/workspace", cookie: login.session).location == "/login")
        }
    }

    @Test(arguments: TestEngine.available)
    func flaggedCreditCodeRegistersWithTheReasonShown(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let page = try await client.form("/register", [
                "name": "早期登记企业", "creditCode": "91350100M0001TGQXM", "username": "early", "password": "password-123", "role": "bidder",
            ])
            #expect(page.status == .ok)
            #expect(page.body.contains("人工核验"))
            let bad = try await client.form("/register", [
                "name": "错误企业", "creditCode": "123", "username": "wrong", "password": "password-123", "role": "bidder",
            ])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("统一社会信用代码应为18位"))
        }
    }

    @Test(arguments: TestEngine.available)
    func anonymousVisitorsAreSentToLogin(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            for uri in ["/workspace", "/workspace/projects/any", "/workspace/catalog/land.listing"] {
                let page = try await client.page(uri)
                #expect(page.status == .seeOther, "\(uri)")
                #expect(page.location == "/login", "\(uri)")
            }
            let post = try await client.form("/workspace/projects", ["title": "匿名项目名称"])
            #expect(post.location == "/login")
        }
    }

    @Test(arguments: TestEngine.available)
    func tendererCreatesUploadsAndAnnouncesThroughForms(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup
            let session = try await client.registerAndSignIn(name: "市政工程建设中心", code: TestPlatform.code(1), username: "tenderer", role: "tenderer")
            // exercise: create
            let created = try await client.form("/workspace/projects", [
                "title": "城东道路绿化改造工程施工招标", "catalogCode": "engineering.open-tender", "region": "厦门市", "funding": "财政资金",
                "description": "道路绿化改造\n约2公里", "lotTitle": "施工", "estimate": "10,000,000.00", "deposit": "100000.05",
            ], cookie: session)
            #expect(created.status == .seeOther)
            let location = try #require(created.location)
            #expect(location.hasSuffix("?done=created"))
            let projectPath = String(location.prefix { $0 != "?" })
            let projectID = String(projectPath.dropFirst("/workspace/projects/".count))
            #expect(try await client.page("/projects/\(projectID)").status == .notFound)
            // exercise: upload and announce
            let uploaded = try await client.multipart(
                projectPath + "/documents", fields: ["kind": "tender"], file: ("file", "招标文件.pdf", Array("招标文件正文".utf8)), cookie: session
            )
            #expect(uploaded.status == .seeOther, "\(uploaded.body)")
            let now = test.clock.now()
            let announced = try await client.form(projectPath + "/announce", [
                "documentsUntil": "\(LocalDate(now).adding(days: 7))T17:00", "bidDeadline": "\(LocalDate(now).adding(days: 21))T09:30",
            ], cookie: session)
            // validate
            #expect(announced.status == .seeOther, "\(announced.body)")
            #expect(announced.location == projectPath + "?done=announced")
            let manage = try await client.page(try #require(announced.location), cookie: session)
            #expect(manage.body.contains("招标公告已发布"))
            #expect(manage.body.contains("100,000.05"))
            let project = try await test.platform.tenders.project(projectID, for: nil as Actor?)
            #expect(project.lots.first?.depositFen == 10_000_005)
            #expect(project.lots.first?.estimateFen == 1_000_000_000)
            #expect(project.lots.first?.bidDeadline == Timestamps.rfc3339(try #require(Timestamps.parse("\(LocalDate(now).adding(days: 21))T09:30:00+08:00"))))
            let publicPage = try await client.page("/projects/\(projectID)")
            #expect(publicPage.body.contains("投标中"))
            #expect(publicPage.body.contains("/api/v1/documents/"))
            #expect(publicPage.body.contains("招标文件.pdf"))
            let notices = try await client.page("/notices?tradingType=engineering&q=" + "绿化".addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
            #expect(notices.body.contains("城东道路绿化改造工程施工招标"))
            let noticeID = try #require(try await test.platform.notices.list(.init(projectID: projectID), limit: 5, cursor: nil).items.first?.id)
            let notice = try await client.page("/notices/\(noticeID)")
            #expect(notice.status == .ok)
            #expect(notice.body.contains("<p>项目名称：城东道路绿化改造工程施工招标</p>"))
            #expect(notice.body.contains("/projects/\(projectID)"))
        }
    }

    @Test(arguments: TestEngine.available)
    func badFormValuesGetAChinesePageWithA4xxStatus(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let session = try await client.registerAndSignIn(name: "市政工程建设中心", code: TestPlatform.code(1), username: "tenderer", role: "tenderer")
            let fields = ["title": "城东道路绿化改造工程施工招标", "catalogCode": "engineering.open-tender", "region": "厦门市", "lotTitle": "施工", "estimate": "1000000"]
            let before = try await test.snapshot()
            // exercise
            let negative = try await client.form("/workspace/projects", fields.merging(["deposit": "-1.00"]) { $1 }, cookie: session)
            let malformed = try await client.form("/workspace/projects", fields.merging(["deposit": "12.345"]) { $1 }, cookie: session)
            let overCap = try await client.form("/workspace/projects", fields.merging(["deposit": "20000.01"]) { $1 }, cookie: session)
            // validate
            #expect(negative.status == .unprocessableContent)
            #expect(negative.contentType == "text/html; charset=utf-8")
            #expect(negative.body.contains("投标保证金不能为负数"))
            #expect(negative.body.contains("The bid deposit cannot be negative"))
            #expect(malformed.status == .unprocessableContent)
            #expect(malformed.body.contains("投标保证金格式不正确"))
            #expect(overCap.status == .unprocessableContent)
            #expect(overCap.body.contains("超过上限20,000.00元"))
            #expect(try await test.snapshot() == before)
        }
    }
}

extension PortalTests {
    @Test(arguments: TestEngine.available)
    func bidderRegistersAndSubmitsAMultipartBidAndSeesTheReceipt(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            let session = try await client.signIn("bidder1")
            let workspace = try await client.page("/workspace", cookie: session)
            #expect(workspace.body.contains("城东道路绿化改造工程施工招标"))
            let lotPath = "/workspace/projects/\(fixture.projectID)/lots/\(fixture.lotID)"
            // exercise
            let early = try await client.multipart(lotPath + "/bid", fields: ["price": "9500000.00"], file: ("file", "bid.pdf", [1]), cookie: session)
            let registered = try await client.form(lotPath + "/register", ["deposit": "paid"], cookie: session)
            let bytes = Array("投标文件：报价九百五十万元".utf8)
            let submitted = try await client.multipart(lotPath + "/bid", fields: ["price": "9,500,000.00"], file: ("file", "投标文件.pdf", bytes), cookie: session)
            // validate
            #expect(early.status == .conflict)
            #expect(early.body.contains("请先报名本标段"))
            #expect(registered.location == "/workspace/projects/\(fixture.projectID)?done=registered")
            #expect(submitted.status == .seeOther, "\(submitted.body)")
            let location = try #require(submitted.location)
            #expect(location.contains("done=bid&receipt="))
            let receipt = try await client.page(location, cookie: session)
            let sha = SHA256.hash(data: Data(bytes)).map { String(format: "%02x", $0) }.joined()
            #expect(receipt.body.contains("投标回执"))
            #expect(receipt.body.contains(sha))
            #expect(receipt.body.contains("服务器接收时间"))
            #expect(receipt.body.contains("见证日志序号"))
            #expect(receipt.body.contains(StatutoryChecks.localText(test.clock.now())))
            #expect(receipt.body.contains("receipt highlighted"))
            let bids = try await test.platform.bidding.myBids(by: try await test.platform.accounts.login(username: "bidder1", password: "password-123").actor)
            #expect(bids.first?.priceFen == 950_000_000)
            #expect(bids.first?.filename == "投标文件.pdf")
            let withdrawn = try await client.form(lotPath + "/withdraw", [:], cookie: session)
            #expect(withdrawn.status == .seeOther)
            #expect(try await client.page("/workspace", cookie: session).body.contains("已撤回"))
        }
    }

    @Test(arguments: TestEngine.available)
    func tendererRunsALotFromOpeningToContractThroughForms(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup: three bids, then the deadline passes
            let fixture = try await Fixture.make(client)
            try await fixture.announce(client, now: test.clock.now())
            for (index, price) in [Int64(950_000_000), 930_000_000, 980_000_000].enumerated() {
                let (status, _) = try await fixture.bid(client, index, price: price)
                #expect(status == .created)
            }
            test.clock.advance(by: 22 * 86_400)
            let session = try await client.signIn("tenderer")
            let base = "/workspace/projects/\(fixture.projectID)"
            let lotPath = base + "/lots/\(fixture.lotID)"
            // exercise and validate, step by step
            #expect(try await client.form(lotPath + "/open", [:], cookie: session).location == base + "?done=opened")
            let opened = try await client.page(base, cookie: session)
            #expect(opened.body.contains("已开标"))
            #expect(opened.body.contains("投标企业2有限公司"))
            let bids = try await test.platform.bidding.bids(
                projectID: fixture.projectID, lotID: fixture.lotID, for: try await test.platform.accounts.login(username: "tenderer", password: "password-123").actor
            )
            let byPrice = bids.sorted { $0.priceFen < $1.priceFen }
            let ranking = Dictionary(uniqueKeysWithValues: byPrice.enumerated().map { ("rank_\($0.element.bidId)", String($0.offset + 1)) })
            #expect(try await client.form(lotPath + "/result", ranking, cookie: session).location == base + "?done=result")
            let until = "\(LocalDate(test.clock.now()).adding(days: 7))T17:00"
            let publicity = try await client.form(lotPath + "/publicity", ["until": until], cookie: session)
            #expect(publicity.location == base + "?done=publicity", "\(publicity.body)")
            let early = try await client.form(lotPath + "/award", ["rank": "1"], cookie: session)
            #expect(early.status == .conflict)
            #expect(early.body.contains("公示期未满"))
            test.clock.advance(by: 8 * 86_400)
            #expect(try await client.form(lotPath + "/award", ["rank": "1"], cookie: session).location == base + "?done=awarded")
            let awarded = try await client.page(base, cookie: session)
            #expect(awarded.body.contains("请于"))
            #expect(awarded.body.contains("前签订合同"))
            #expect(try await client.form(lotPath + "/contract", [:], cookie: session).location == base + "?done=contract")
            let publicPage = try await client.page("/projects/\(fixture.projectID)")
            #expect(publicPage.body.contains("已签合同"))
            #expect(publicPage.body.contains("投标企业2有限公司"))
            let regulator = try await client.signIn("regulator")
            let overseen = try await client.page(base, cookie: regulator)
            #expect(overseen.status == .ok)
            #expect(overseen.body.contains("只读"))
            #expect(!overseen.body.contains("action=\"\(lotPath)/archive\""))
        }
    }

    @Test(arguments: TestEngine.available)
    func suggestedDatesOnTheAnnounceFormMeetTheMinimumPeriods(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            // setup: a procurement tender, whose periods count working days
            let session = try await client.registerAndSignIn(name: "市教育局采购办", code: TestPlatform.code(2), username: "purchaser", role: "tenderer")
            let created = try await client.form("/workspace/projects", [
                "title": "中小学课桌椅采购项目", "catalogCode": "procurement.open-tender", "region": "厦门市", "lotTitle": "课桌椅", "estimate": "800000", "deposit": "",
            ], cookie: session)
            let path = String(try #require(created.location).prefix { $0 != "?" })
            let page = try await client.page(path, cookie: session)
            func value(_ name: String) throws -> String {
                let match = try #require(page.body.firstMatch(of: try Regex<(Substring, Substring)>("name=\"\(name)\" value=\"([0-9T:-]+)\"")))
                return String(match.output.1)
            }
            // exercise
            let announced = try await client.form(path + "/announce", ["bidDeadline": try value("bidDeadline"), "documentsUntil": try value("documentsUntil")], cookie: session)
            // validate
            #expect(announced.status == .seeOther, "\(announced.body)")
        }
    }

    @Test(arguments: TestEngine.available)
    func operatorEditsACatalogEntry(engine: TestEngine) async throws {
        let test = try await TestPlatform.make(engine)
        defer { Task { await test.shutdown() } }
        try await test.test { client in
            let session = try await client.signIn("admin", "operator-pass")
            let workspace = try await client.page("/workspace", cookie: session)
            #expect(workspace.body.contains("交易目录"))
            let form = try await client.page("/workspace/catalog/procurement.inquiry", cookie: session)
            #expect(form.status == .ok)
            let saved = try await client.form("/workspace/catalog/procurement.inquiry", [
                "tradingTypeZh": "政府采购", "procedureZh": "询价", "minBidders": "3", "minBidPeriod": "3", "minBidPeriodUnit": "workingDays",
                "minDocumentPeriod": "3", "minDocumentPeriodUnit": "workingDays", "clarificationLeadDays": "3", "depositCapBasisPoints": "100",
                "depositCapYuan": "50000", "publicityMinDays": "1", "contractDueDays": "30", "maxCandidates": "3",
                "evaluationMethod": "lowest-price", "openingMode": "sealed-bids", "active": "true",
            ], cookie: session)
            #expect(saved.location == "/workspace/catalog/procurement.inquiry?done=catalog", "\(saved.body)")
            let entry = try await test.platform.catalog.entry("procurement.inquiry")
            #expect(entry.rules.depositCapBasisPoints == 100)
            #expect(entry.rules.depositCapFen == 5_000_000)
            let refused = try await client.form("/workspace/catalog/procurement.inquiry", ["tradingTypeZh": "政府采购"], cookie: try await client.registerAndSignIn(
                name: "投标企业有限公司", code: TestPlatform.code(3), username: "someone", role: "bidder"
            ))
            #expect(refused.status.code >= 400 && refused.status.code < 500)
        }
    }
}

// MARK: - form helpers

/// A response read as text, with the headers a portal test looks at.
struct PortalPage: Sendable {
    var status: HTTPResponse.Status
    var headers: HTTPFields
    var body: String

    var contentType: String? { self.headers[.contentType] }
    var location: String? { self.headers[.location] }
    /// `yw_session=…` from Set-Cookie, to send back as Cookie.
    var session: String { String((self.headers[.setCookie] ?? "").prefix { $0 != ";" }) }
}

extension TestClientProtocol {
    func page(_ uri: String, cookie: String? = nil) async throws -> PortalPage {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await self.execute(uri: uri, method: .get, headers: headers, body: nil) { response in
            PortalPage(status: response.status, headers: response.headers, body: String(decoding: response.body.readableBytesView, as: UTF8.self))
        }
    }

    func form(_ uri: String, _ fields: [String: String], cookie: String? = nil) async throws -> PortalPage {
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let body = fields.map { "\($0.key)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        return try await self.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body)) { response in
            PortalPage(status: response.status, headers: response.headers, body: String(decoding: response.body.readableBytesView, as: UTF8.self))
        }
    }

    func multipart(_ uri: String, fields: [String: String], file: (name: String, filename: String, bytes: [UInt8]), cookie: String) async throws -> PortalPage {
        let boundary = "----yiwang\(UUID().uuidString)"
        var body: [UInt8] = []
        for (name, value) in fields {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: application/pdf\r\n\r\n".utf8)
        body += file.bytes + Array("\r\n--\(boundary)--\r\n".utf8)
        let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)", .cookie: cookie]
        return try await self.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(bytes: body)) { response in
            PortalPage(status: response.status, headers: response.headers, body: String(decoding: response.body.readableBytesView, as: UTF8.self))
        }
    }

    /// Registers an enterprise through /register and signs in through /login; returns the Cookie header value.
    func registerAndSignIn(name: String, code: String, username: String, role: String) async throws -> String {
        let registered = try await self.form("/register", ["name": name, "creditCode": code, "username": username, "password": "password-123", "role": role])
        guard registered.status == .seeOther else { throw TestFailure("register \(username): \(registered.status) \(registered.body)") }
        return try await self.signIn(username)
    }

    func signIn(_ username: String, _ password: String = "password-123") async throws -> String {
        let login = try await self.form("/login", ["username": username, "password": password])
        guard login.status == .seeOther, login.session.hasPrefix("yw_session=") else { throw TestFailure("login \(username): \(login.status)") }
        return login.session
    }
}

