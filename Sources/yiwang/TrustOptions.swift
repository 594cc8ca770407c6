import ArgumentParser
import Foundation
import WitnessLog

/// The keys `yiwang verify` trusts: the log's key, witness keys and how many witnesses must have cosigned.
struct TrustOptions: ParsableArguments {
    @Option(name: .customLong("witness"), help: "A witness's cosignature key (vkey text or a file holding it); repeat for several.")
    var witnessKeys: [String] = []

    @Option(name: .customLong("min-witnesses"), help: "How many distinct listed witnesses must have cosigned (default: 1 if any --witness is given, else 0).")
    var minWitnesses: Int?

    /// The witness verifiers, parsed.
    func witnesses() throws -> [NoteVerifier] {
        try self.witnessKeys.map { try VerifierKeyArgument.load($0, role: "witness") }
    }

    /// The minimum number of witnesses.
    var requiredWitnesses: Int {
        self.minWitnesses ?? (self.witnessKeys.isEmpty ? 0 : 1)
    }

    func validate() throws {
        if let minWitnesses, minWitnesses < 0 {
            throw ValidationError("--min-witnesses must not be negative")
        }
        if let minWitnesses, minWitnesses > self.witnessKeys.count {
            throw ValidationError("--min-witnesses \(minWitnesses) exceeds the \(self.witnessKeys.count) --witness keys given")
        }
    }
}

/// A verifier key given on the command line: the key text itself, or the path of a file holding it.
enum VerifierKeyArgument {
    /// Parses `argument` as a vkey, or reads it from the file it names.
    static func load(_ argument: String, role: String) throws -> NoteVerifier {
        if let key = try? NoteVerifier(vkey: argument) {
            return key
        }
        guard FileManager.default.fileExists(atPath: argument) else {
            // Not a file: report why the text is not a key.
            do {
                return try NoteVerifier(vkey: argument)
            } catch {
                throw KeyArgumentError("\(role) key \"\(argument)\" is neither a key nor a file: \(error)")
            }
        }
        let text = try String(contentsOfFile: argument, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            return try NoteVerifier(vkey: text)
        } catch {
            throw KeyArgumentError("\(role) key file \(argument) does not hold a verifier key: \(error)")
        }
    }
}

/// A key argument that is neither a verifier key nor a file holding one.
struct KeyArgumentError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
