import Foundation
import TradingCore

/// What every page's layout shows: the title, who is signed in, and a one-line notice after an action.
struct PageChrome: Sendable {
    var title: String
    var signedIn: Bool
    var userName: String
    var roleZh: String
    /// A confirmation after POST-redirect-GET (`?done=…`), from a fixed list so no user text is echoed.
    var flash: String?
    var year: String

    init(title: String, actor: Actor?, done: String? = nil) {
        self.title = title
        self.signedIn = actor != nil
        self.userName = actor?.displayName ?? ""
        self.roleZh = actor?.role.nameZh ?? ""
        self.flash = done.flatMap { Self.confirmations[$0] }
        self.year = String(LocalDate(Date()).year)
    }

    func titled(_ title: String) -> PageChrome {
        var copy = self
        copy.title = title
        copy.flash = nil
        return copy
    }

    static let confirmations: [String: String] = [
        "created": "项目已创建（草稿）。",
        "uploaded": "招标文件已上传，SHA-256 已记入见证日志。",
        "announced": "招标公告已发布。",
        "clarified": "澄清/修改公告已发布。",
        "opened": "已开标，开标记录已公开。",
        "result": "评标结果已录入。",
        "publicity": "中标候选人公示已发布。",
        "awarded": "已定标，中标结果公告已发布。",
        "contract": "合同签订已登记。",
        "archived": "已归档。",
        "retendered": "已重新招标，标段回到草稿状态。",
        "terminated": "项目已终止。",
        "registered": "报名成功。",
        "bid": "投标文件已递交，请保存下方投标回执。",
        "withdrawn": "投标已撤回。",
        "catalog": "交易目录条目已保存。",
        "welcome": "注册成功，请登录。",
        "flagged": "注册成功；统一社会信用代码未通过校验，已转人工核验。",
        "alert": "预警处理结论已记录并记入见证日志。",
        "credit": "信用名单已导入并记入见证日志。",
        "complaint": "案件办理结果已记录并记入见证日志。",
    ]
}

/// Small pieces several pages share.
struct LinkModel: Sendable {
    var label: String
    var href: String
    var active: Bool
}

struct OptionModel: Sendable {
    var value: String
    var label: String
    var selected: Bool
}

struct DocumentModel: Sendable {
    var filename: String
    var kindZh: String
    var size: String
    var sha256: String
    var url: String
    var uploadedAt: String

    init(_ view: AttachmentView) {
        self.filename = view.filename
        self.kindZh = view.kind == "clarification" ? "澄清文件" : "招标文件"
        self.size = PortalFormats.size(view.size)
        self.sha256 = view.sha256
        self.url = view.url
        self.uploadedAt = PortalFormats.localText(view.uploadedAt) ?? ""
    }
}

struct NoticeSummaryModel: Sendable {
    var id: String
    var url: String
    var title: String
    var kindZh: String
    var region: String
    var tradingTypeZh: String
    var publishedAt: String
    /// With a search: the excerpt, phrases marked (rendered as <mark>, text escaped by the template).
    var snippet: [SearchSnippet.Part]?
    var hasSnippet: Bool
    /// The connected platform (分平台) code of a pushed notice.
    var sourcePlatform: String?

    init(_ view: NoticeView, tradingTypes: [String: String]) {
        self.sourcePlatform = view.sourcePlatform
        self.id = view.id
        self.url = view.url
        self.title = view.title
        self.kindZh = view.kindZh
        self.region = view.region
        self.tradingTypeZh = tradingTypes[view.tradingType] ?? view.tradingType
        self.publishedAt = PortalFormats.localText(view.publishedAt) ?? ""
        self.snippet = view.snippet?.parts
        self.hasSnippet = view.snippet != nil
    }
}

struct ErrorPageModel: Sendable {
    var page: PageChrome
    var zh: String
    var en: String
    var code: String
    var article: String?
    var back: String?
}
