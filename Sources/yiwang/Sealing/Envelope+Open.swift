import ArgumentParser
import Foundation
import SealedBid

extension Envelope {
    /// `yiwang envelope open --shares A.share,B.share --in bid.ywb --out bid.pdf`: recovers the bid file
    /// and reads out its opening sheet (唱标).
    struct Open: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open a sealed bid with at least k custodians' share files; write the bid file and print the opening sheet."
        )

        @Option(name: .long, help: ArgumentHelp("The custodians' share files, comma-separated.", valueName: "A.share,B.share,…"))
        var shares: String

        @Option(name: .customLong("in"), help: ArgumentHelp("The sealed bid envelope.", valueName: "file"))
        var input: String

        @Option(name: .long, help: ArgumentHelp("Where to write the recovered bid file (must not exist).", valueName: "file"))
        var out: String

        @Option(name: .customLong("expect-sha256"), help: ArgumentHelp("The envelope hash on the upload receipt, to tell tampering after upload apart.", valueName: "hex"))
        var expectedSHA256: String?

        func run() throws {
            try SealingFiles.refuseExisting([self.out])
            var committed: [UInt8]? = nil
            if let expectedSHA256 = self.expectedSHA256 {
                guard let hash = BidEnvelope.sha256(hex: expectedSHA256) else {
                    throw CommandFailure("--expect-sha256 is not 64 hex digits / 哈希值应为64位十六进制数")
                }
                committed = hash
            }
            let bytes = try SealingFiles.read(self.input, "envelope")
            let envelope: BidEnvelope
            do throws(OpeningError) {
                envelope = try BidEnvelope(stored: bytes, committedSHA256: committed)
            } catch {
                throw CommandFailure(self.input, error)
            }
            let paths = self.shares.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            var files: [ShareFile] = []
            for path in paths {
                guard !path.isEmpty else {
                    throw CommandFailure("--shares has an empty entry / 份额文件列表中有空项: \(self.shares)")
                }
                let fileBytes = try SealingFiles.read(path, "share file")
                do throws(ShareFileError) {
                    files.append(try ShareFile(bytes: fileBytes))
                } catch {
                    throw CommandFailure(path, error)
                }
            }
            let payload: BidPayload
            do throws(ShareFileOpeningError) {
                payload = try envelope.open(withShareFiles: files)
            } catch {
                if case .shareFile(let position, let fileError) = error {
                    throw CommandFailure(paths[position], fileError)
                }
                throw CommandFailure("\(self.input) not opened / 未能开启", error)
            }
            try SealingFiles.publish(payload.fileBytes, to: self.out, mode: 0o644)
            self.readOut(envelope, payload: payload)
        }

        private func readOut(_ envelope: BidEnvelope, payload: BidPayload) {
            let binding = envelope.binding
            print("opened \(self.input) (sha256 \(envelope.sha256Hex))")
            print("tender \(binding.tenderID), lot \(binding.lotID), bidder \(binding.bidderID)")
            print("deadline \(RFC3339.text(unixSeconds: binding.deadlineUnixSeconds, offsetMinutes: 480))")
            print("开标一览表 opening sheet:")
            for line in payload.openingSheet.readOut {
                print("  \(line)")
            }
            print("wrote \(self.out): \(payload.fileName), \(payload.fileBytes.count) bytes")
        }
    }
}
