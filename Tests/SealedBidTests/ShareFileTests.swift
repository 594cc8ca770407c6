import Foundation
@testable import SealedBid
import Testing

/// Share files name their tender, lot, bidder, envelope and index, so shares cannot be mixed up silently.
@Suite struct ShareFileTests {
    @Test func roundTripsThroughTextAndBytes() throws {
        // setup
        let fixture = try EnvelopeFixture(threshold: 2, count: 3)
        let envelope = try fixture.seal()
        let file = ShareFile(envelope: envelope, share: try envelope.custodianShare(using: fixture.custodianKeys[1]))
        // exercise
        let fromText = try ShareFile(text: file.text)
        let fromBytes = try ShareFile(bytes: Array(file.text.utf8))
        let fromWindows = try ShareFile(text: file.text.replacingOccurrences(of: "\n", with: "\r\n"))
        // validate
        #expect(fromText == file && fromBytes == file && fromWindows == file)
        let lines = file.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        #expect(lines[0] == ShareFile.header)
        #expect(lines[1] == "tender: YW-2026-000123")
        #expect(lines[2] == "lot: 标段1")
        #expect(lines[4] == "envelope-sha256: \(envelope.sha256Hex)")
        #expect(lines[5] == "index: 2")
        #expect(lines[6] + "\n" == file.share.text)
        #expect(file.text.hasSuffix("\n"))
        try file.check(against: envelope)
    }

    @Test func identifiersWithControlCharactersAndPercentStayOnTheirLine() throws {
        // setup
        let fixture = try EnvelopeFixture(threshold: 1, count: 1)
        let binding = BidBinding(tenderID: "T%1\nx", lotID: "lot\u{7F}", bidderID: "b\r", deadlineUnixSeconds: 0)
        let envelope = try BidEnvelope.seal(
            payload: fixture.payload, binding: binding, panel: fixture.panel, signingKey: fixture.bidderKey)
        let file = ShareFile(envelope: envelope, share: try envelope.custodianShare(using: fixture.custodianKeys[0]))
        // exercise
        let restored = try ShareFile(text: file.text)
        // validate
        #expect(file.text.split(separator: "\n").count == 7)
        #expect(file.text.contains("tender: T%251%0Ax\n"))
        #expect(restored.tenderID == "T%1\nx" && restored.lotID == "lot\u{7F}" && restored.bidderID == "b\r")
        try restored.check(against: envelope)
    }

    @Test func onlyTheCanonicalEscapesAreRead() {
        #expect(ShareFile.unescape("a%25b%0A") == "a%b\n")
        for text in ["a%2", "a%0a", "a%41", "a%+F", "a%", "tab\there"] {
            #expect(ShareFile.unescape(Substring(text)) == nil, "\(text)")
        }
    }

    @Test func damagedFilesAreRefusedWithTheLine() throws {
        // setup
        let fixture = try EnvelopeFixture(threshold: 2, count: 3)
        let envelope = try fixture.seal()
        let text = ShareFile(envelope: envelope, share: try envelope.custodianShare(using: fixture.custodianKeys[0])).text
        var lines = text.split(separator: "\n").map(String.init)
        func edited(_ number: Int, _ replacement: String) -> String {
            var copy = lines
            copy[number - 1] = replacement
            return copy.joined(separator: "\n")
        }
        // exercise + validate
        #expect(throws: ShareFileError.notText) { try ShareFile(bytes: [0xFF, 0xFE]) }
        #expect(throws: ShareFileError.malformed(line: 1, expected: ShareFile.header)) { try ShareFile(text: edited(1, "share")) }
        #expect(throws: ShareFileError.malformed(line: 2, expected: "tender: …")) { try ShareFile(text: edited(2, "tender:")) }
        #expect(throws: ShareFileError.malformed(line: 4, expected: "bidder: …")) { try ShareFile(text: edited(4, "lot: x")) }
        #expect(throws: ShareFileError.malformed(line: 5, expected: "envelope-sha256: <64 lower-case hex digits>")) {
            try ShareFile(text: edited(5, "envelope-sha256: \(envelope.sha256Hex.uppercased())"))
        }
        #expect(throws: ShareFileError.malformed(line: 6, expected: "index: <1…255>")) { try ShareFile(text: edited(6, "index: 01")) }
        #expect(throws: ShareFileError.malformed(line: 7, expected: "yiwang-decrypted-share-v1 <base64>")) {
            try ShareFile(text: edited(7, "yiwang-decrypted-share-v1 AAAA"))
        }
        #expect(throws: ShareFileError.malformed(line: 7, expected: "yiwang-decrypted-share-v1 <base64>")) {
            try ShareFile(text: lines.prefix(6).joined(separator: "\n"))
        }
        #expect(throws: ShareFileError.malformed(line: 8, expected: "(end of file)")) { try ShareFile(text: text + "more\n") }
        // the readable lines must agree with the share line
        #expect(throws: ShareFileError.inconsistent(field: "index")) { try ShareFile(text: edited(6, "index: 3")) }
        let otherHash = String(repeating: "0", count: 64)
        #expect(throws: ShareFileError.inconsistent(field: "envelope-sha256")) {
            try ShareFile(text: edited(5, "envelope-sha256: \(otherHash)"))
        }
        lines[6] = "x"
        #expect(throws: ShareFileError.self) { try ShareFile(text: lines.joined(separator: "\n")) }
    }

    @Test func aShareOfAnotherBidOrEnvelopeIsNamedAsSuch() throws {
        // setup: the same bidder seals twice; another bidder seals once in the same tender
        let fixture = try EnvelopeFixture(threshold: 2, count: 3)
        let envelope = try fixture.seal()
        let resealed = try fixture.seal()
        let otherBinding = BidBinding(
            tenderID: fixture.binding.tenderID, lotID: fixture.binding.lotID,
            bidderID: "911101086723891430", deadlineUnixSeconds: fixture.binding.deadlineUnixSeconds)
        let otherBidder = try BidEnvelope.seal(
            payload: fixture.payload, binding: otherBinding, panel: fixture.panel, signingKey: fixture.bidderKey)
        let key = fixture.custodianKeys[0]
        // exercise + validate
        let stale = ShareFile(envelope: resealed, share: try resealed.custodianShare(using: key))
        #expect(throws: ShareFileError.otherEnvelope(inFile: resealed.sha256Hex, inEnvelope: envelope.sha256Hex)) {
            try stale.check(against: envelope)
        }
        let foreign = ShareFile(envelope: otherBidder, share: try otherBidder.custodianShare(using: key))
        #expect(throws: ShareFileError.otherBid(field: "bidder", inFile: "911101086723891430", inEnvelope: "91110000MA01ABCD3X")) {
            try foreign.check(against: envelope)
        }
        #expect(ShareFileError.otherEnvelope(inFile: resealed.sha256Hex, inEnvelope: envelope.sha256Hex).en.contains(String(envelope.sha256Hex.prefix(16))))
    }
}
