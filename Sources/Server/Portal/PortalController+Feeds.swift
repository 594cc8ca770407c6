import Foundation
import HTTPTypes
import Hummingbird
import SQLKit
import Storage
import TradingCore

/// Atom feeds per trading type (`/feeds/{type}.atom`, `/feeds/all.atom`) and the sitemap (`/sitemap.xml`, an index of
/// `/sitemaps/notices-{n}.xml` and `/sitemaps/projects-{n}.xml`): stable URLs for crawlers and feed readers (信息公开).
extension PortalController {
    /// Entries per feed and URLs per sitemap page.
    static let feedEntries = 50
    static let sitemapPageSize = 10_000

    func addFeedRoutes(to router: Router<AppRequestContext>) {
        router.get("/feeds/:feed", use: self.feed)
        router.get("/sitemap.xml", use: self.sitemapIndex)
        router.get("/sitemaps/:page", use: self.sitemapPage)
    }

    /// `/feeds/engineering.atom`: the latest notices of one trading type, or of all (`all.atom`).
    @Sendable func feed(_ request: Request, context: AppRequestContext) async throws -> Response {
        let name = try context.parameters.require("feed")
        guard name.hasSuffix(".atom") else { throw TradingError.notFound("Feed", zh: "订阅源") }
        let type = String(name.dropLast(".atom".count))
        let types = try await self.tradingTypes()
        guard type == "all" || types.contains(where: { $0.code == type }) else { throw TradingError.notFound("Feed", zh: "订阅源") }
        let base = self.baseURL(request)
        let page = try await self.platform.notices.list(.init(tradingType: type == "all" ? nil : type), limit: Self.feedEntries, cursor: nil)
        let title = type == "all" ? "全部交易公告" : "\(types.first { $0.code == type }?.nameZh ?? type)交易公告"
        let xml = AtomFeed(
            id: "\(base)/feeds/\(name)", title: "一网交易 · \(title)", selfURL: "\(base)/feeds/\(name)", alternateURL: "\(base)/notices" + (type == "all" ? "" : "?tradingType=\(type)"),
            updated: page.items.first?.publishedAt ?? Timestamps.rfc3339(Date(timeIntervalSince1970: 0)),
            entries: page.items.map { notice in
                AtomFeed.Entry(id: "\(base)/notices/\(notice.id)", title: notice.title, url: "\(base)/notices/\(notice.id)", updated: notice.publishedAt,
                               category: notice.kindZh, summary: String(notice.body.prefix(280)))
            }
        ).xml
        return Self.xmlResponse(xml, contentType: "application/atom+xml; charset=utf-8")
    }

    /// `/sitemap.xml`: the index of sitemap pages, notices and projects, oldest first so a page never changes once full.
    @Sendable func sitemapIndex(_ request: Request, context: AppRequestContext) async throws -> Response {
        let base = self.baseURL(request)
        let (notices, projects) = try await self.platform.engine.read { db in
            (try await Self.count("notices", on: db), try await Self.count("projects WHERE published = 1", on: db))
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        xml += "  <sitemap><loc>\(base)/sitemaps/pages-0.xml</loc></sitemap>\n"
        for (kind, count) in [("notices", notices), ("projects", projects)] {
            for page in 0..<max(1, (count + Self.sitemapPageSize - 1) / Self.sitemapPageSize) {
                xml += "  <sitemap><loc>\(base)/sitemaps/\(kind)-\(page).xml</loc></sitemap>\n"
            }
        }
        return Self.xmlResponse(xml + "</sitemapindex>\n", contentType: "application/xml; charset=utf-8")
    }

    /// `/sitemaps/notices-3.xml`: one page of URLs.
    @Sendable func sitemapPage(_ request: Request, context: AppRequestContext) async throws -> Response {
        let name = try context.parameters.require("page")
        let parts = name.replacingOccurrences(of: ".xml", with: "").split(separator: "-")
        guard name.hasSuffix(".xml"), parts.count == 2, let page = Int(parts[1]), page >= 0, ["pages", "notices", "projects"].contains(String(parts[0])) else {
            throw TradingError.notFound("Sitemap", zh: "站点地图")
        }
        let base = self.baseURL(request)
        let offset = page * Self.sitemapPageSize
        var urls: [(path: String, modified: Int64?)] = []
        switch parts[0] {
        case "pages":
            urls = [("/", nil), ("/notices", nil)] + (try await self.tradingTypes()).map { ("/notices?tradingType=\($0.code)", nil) }
        case "notices":
            urls = try await self.platform.engine.read { db in
                try await db.raw("SELECT id, published_at FROM notices ORDER BY published_at, id LIMIT \(bind: Self.sitemapPageSize) OFFSET \(bind: offset)").all()
                    .map { ("/notices/\(try $0.decode(column: "id", as: String.self))", try $0.decode(column: "published_at", as: Int64.self)) }
            }
        default:
            urls = try await self.platform.engine.read { db in
                try await db.raw("SELECT id, created_at FROM projects WHERE published = 1 ORDER BY created_at, id LIMIT \(bind: Self.sitemapPageSize) OFFSET \(bind: offset)").all()
                    .map { ("/projects/\(try $0.decode(column: "id", as: String.self))", try $0.decode(column: "created_at", as: Int64.self)) }
            }
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for url in urls {
            xml += "  <url><loc>\(XMLText.escape(base + url.path))</loc>"
            if let modified = url.modified { xml += "<lastmod>\(Timestamps.rfc3339(Timestamps.date(modified)))</lastmod>" }
            xml += "</url>\n"
        }
        return Self.xmlResponse(xml + "</urlset>\n", contentType: "application/xml; charset=utf-8")
    }

    static func count(_ table: String, on db: any SQLDatabase) async throws -> Int {
        try await db.raw(SQLQueryString("SELECT COUNT(*) AS n FROM \(table)")).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    func baseURL(_ request: Request) -> String {
        APIController(platform: self.platform).baseURL(request)
    }

    static func xmlResponse(_ xml: String, contentType: String) -> Response {
        Response(status: .ok, headers: [.contentType: contentType, .cacheControl: "public, max-age=60"], body: .init(byteBuffer: ByteBuffer(string: xml)))
    }
}
