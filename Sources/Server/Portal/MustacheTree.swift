/// A page model as dictionaries and arrays, for the template engine.
///
/// swift-mustache finds a name in a struct by reflecting the whole struct (`Mirror`) on every lookup, and a lookup
/// that climbs the context stack reflects every level; on the home page that was two fifths of the time. Reflecting
/// each struct once into `[String: Any]` (which the engine reads by key) gives the same output: a nil optional is left
/// out, which the engine treats exactly like a nil value; enums, strings, numbers, Booleans and values that print themselves stay as they are.
enum MustacheTree {
    static func of(_ value: Any) -> Any {
        switch value {
        case is String, is Substring, is Bool, is Int, is Int64, is Int32, is Double, is Character: return value
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .struct?, .class?:
            // a value that prints itself (Date, URL, Score) is left to the engine, which prints or reflects it as before
            if value is any CustomStringConvertible { return value }
            var fields: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let field = Self.unwrapped(child.value) else { continue }
                fields[label] = Self.of(field)
            }
            return fields
        case .collection?:
            return mirror.children.map { Self.of($0.value) }
        case .optional?:
            return Self.unwrapped(value).map(Self.of) as Any
        default:
            return value
        }
    }

    /// The value an optional holds, nil for none; any other value itself.
    static func unwrapped(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { $0.value }
    }
}
