import Foundation
import Hummingbird
import TradingCore

/// 登录、注册 — the portal's session is the same token as the API's bearer token, kept in the `yw_session` cookie.
extension PortalController {
    @Sendable func loginForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        if context.actor != nil { return PortalRenderer.redirect("/workspace") }
        let model = LoginPageModel(page: PageChrome(title: "登录", actor: nil, done: self.done(request)), username: "", error: nil)
        return try await PortalRenderer.render(model, template: "login")
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await PortalForm.read(request, limit: 64 * 1024)
        let username = form["username"] ?? ""
        do {
            let (token, _) = try await self.platform.accounts.login(username: username, password: form["password"] ?? "")
            return PortalRenderer.redirect("/workspace", headers: [.setCookie: "yw_session=\(token); Path=/; HttpOnly; SameSite=Lax"])
        } catch let error as TradingError {
            let model = LoginPageModel(page: PageChrome(title: "登录", actor: nil), username: username, error: ErrorMessage(error))
            return try await PortalRenderer.render(model, template: "login", status: ProblemError(error).status)
        }
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        if let token = context.token { try await self.platform.accounts.logout(token: token) }
        return PortalRenderer.redirect("/", headers: [.setCookie: "yw_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"])
    }

    @Sendable func registerForm(_ request: Request, context: AppRequestContext) async throws -> Response {
        let model = RegisterPageModel(page: PageChrome(title: "企业注册", actor: context.actor), form: .init(), roles: RegisterPageModel.roles(selected: "bidder"), error: nil)
        return try await PortalRenderer.render(model, template: "register")
    }

    @Sendable func register(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await PortalForm.read(request, limit: 64 * 1024)
        let entered = RegisterPageModel.Entered(
            name: form["name"] ?? "", creditCode: form["creditCode"] ?? "", username: form["username"] ?? "", role: form["role"] ?? "bidder"
        )
        do {
            let registered = try await self.platform.accounts.registerEnterprise(.init(
                name: entered.name, creditCode: entered.creditCode, username: entered.username, password: form["password"] ?? "", role: entered.role
            ))
            if let reason = registered.party.creditFlagReason {
                let model = RegisteredPageModel(page: PageChrome(title: "注册成功", actor: context.actor), name: registered.party.name, username: registered.account.username, flagReason: reason)
                return try await PortalRenderer.render(model, template: "registered")
            }
            return PortalRenderer.redirect("/login?done=welcome")
        } catch let error as TradingError {
            let model = RegisterPageModel(page: PageChrome(title: "企业注册", actor: context.actor), form: entered, roles: RegisterPageModel.roles(selected: entered.role), error: ErrorMessage(error))
            return try await PortalRenderer.render(model, template: "register", status: ProblemError(error).status)
        }
    }
}

/// A refusal shown inside a form: the Chinese message, the English one in small text.
struct ErrorMessage: Sendable {
    var zh: String
    var en: String
    var article: String?

    init(_ error: TradingError) {
        self.zh = error.zh
        self.en = error.en
        self.article = error.article
    }
}

/// `/login`.
struct LoginPageModel: Sendable {
    var page: PageChrome
    var username: String
    var error: ErrorMessage?
}

/// `/register` — 企业注册.
struct RegisterPageModel: Sendable {
    struct Entered: Sendable {
        var name = ""
        var creditCode = ""
        var username = ""
        var role = "bidder"
    }

    var page: PageChrome
    var form: Entered
    var roles: [OptionModel]
    var error: ErrorMessage?

    static func roles(selected: String) -> [OptionModel] {
        [Role.bidder, .tenderer, .agency].map { OptionModel(value: $0.rawValue, label: $0.nameZh, selected: $0.rawValue == selected) }
    }
}

/// After a registration whose credit code failed its check: registered, flagged for manual review (RULES.md).
struct RegisteredPageModel: Sendable {
    var page: PageChrome
    var name: String
    var username: String
    var flagReason: String
}
