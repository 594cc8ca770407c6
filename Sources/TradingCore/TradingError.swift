/// A refusal a user can cause, with a precise message in Chinese and English.
///
/// The server maps ``Kind`` to an HTTP status; the domain never mentions HTTP.
public struct TradingError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case invalid          // 400/422: the input breaks a rule
        case unauthenticated  // 401
        case forbidden        // 403
        case notFound         // 404
        case conflict         // 409: the state does not allow it now
        case tooLarge         // 413
    }

    public var kind: Kind
    /// A stable machine-readable code, e.g. `bid-period-too-short`.
    public var code: String
    /// The message in Chinese.
    public var zh: String
    /// The message in English.
    public var en: String
    /// The statutory article the rule comes from, when there is one (e.g. `法24`).
    public var article: String?

    public init(_ kind: Kind, code: String, zh: String, en: String, article: String? = nil) {
        self.kind = kind
        self.code = code
        self.zh = zh
        self.en = en
        self.article = article
    }

    public var description: String {
        "\(self.code): \(self.en) / \(self.zh)"
    }

    public static func invalid(_ code: String, zh: String, en: String, article: String? = nil) -> TradingError {
        TradingError(.invalid, code: code, zh: zh, en: en, article: article)
    }

    public static func conflict(_ code: String, zh: String, en: String, article: String? = nil) -> TradingError {
        TradingError(.conflict, code: code, zh: zh, en: en, article: article)
    }

    public static func forbidden(_ zh: String = "无权执行此操作", en: String = "You are not allowed to do this") -> TradingError {
        TradingError(.forbidden, code: "forbidden", zh: zh, en: en)
    }

    public static func notFound(_ what: String, zh: String) -> TradingError {
        TradingError(.notFound, code: "not-found", zh: "\(zh)不存在", en: "\(what) not found")
    }
}
