import Foundation

/// Where a connected platform may not point a webhook: the server itself and private networks, so that a platform's key
/// cannot make the server probe its own network (SSRF). Host names are checked as written; a public name that resolves
/// to a private address is not caught here (resolve-time pinning is a later change). The operator's subscribers are
/// trusted and not restricted.
enum WebhookAddress {
    /// True for `localhost` names and IP literals in loopback, private, link-local, CGNAT, unspecified or unique-local ranges.
    static func isInternal(_ host: String) -> Bool {
        let name = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]."))
        if name == "localhost" || name.hasSuffix(".localhost") || name.hasSuffix(".local") || name.hasSuffix(".internal") { return true }
        let octets = name.split(separator: ".", omittingEmptySubsequences: false).map { UInt8($0) }
        if octets.count == 4, octets.allSatisfy({ $0 != nil }) {
            let a = octets[0]!, b = octets[1]!
            return a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && (16...31).contains(b)) || (a == 192 && b == 168)
                || (a == 100 && (64...127).contains(b))
        }
        if name.contains(":") {
            return name == "::" || name == "::1" || name.hasPrefix("fc") || name.hasPrefix("fd") || name.hasPrefix("fe80") || name.hasPrefix("::ffff:")
        }
        // a bare number (e.g. 2130706433) or hex form is an IP literal to most resolvers
        return name.allSatisfy { $0.isNumber } || name.hasPrefix("0x")
    }
}
