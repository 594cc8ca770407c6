import ArgumentParser
import Foundation
import SealedBid

extension Custodian {
    /// `yiwang custodian share --key A.key --in bid.ywb --out A.share`: this custodian's decrypted share.
    struct Share: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decrypt your key share of a sealed bid into a share file, to hand over at the opening."
        )

        @Option(name: .long, help: ArgumentHelp("Your custodian key file (NAME.key).", valueName: "file"))
        var key: String

        @Option(name: .customLong("in"), help: ArgumentHelp("The sealed bid envelope.", valueName: "file"))
        var input: String

        @Option(name: .long, help: ArgumentHelp("The share file to write (must not exist).", valueName: "file"))
        var out: String

        @Flag(name: .customLong("before-deadline"), help: "Release before the bid deadline (rehearsals with test keys only).")
        var beforeDeadline = false

        func run() throws {
            try SealingFiles.refuseExisting([self.out])
            let keyText = try SealingFiles.readText(self.key, "custodian key")
            let envelopeBytes = try SealingFiles.read(self.input, "envelope")
            let custodianKey: CustodianKey
            do throws(KeyTextError) {
                custodianKey = try CustodianKey(text: keyText)
            } catch {
                throw CommandFailure(self.key, error)
            }
            let envelope: BidEnvelope
            do throws(EnvelopeFormatError) {
                envelope = try BidEnvelope(serialized: envelopeBytes)
            } catch {
                throw CommandFailure(self.input, error)
            }
            let file: ShareFile
            do throws(ShareReleaseError) {
                file = try envelope.releaseShare(using: custodianKey, now: Date(), beforeDeadline: self.beforeDeadline)
            } catch {
                throw CommandFailure(self.input, error)
            }
            try SealingFiles.publish(Array(file.text.utf8), to: self.out, mode: 0o600)
            let binding = envelope.binding
            print("share \(file.share.index) of \(envelope.shares.count) (threshold \(envelope.threshold))")
            print("tender \(binding.tenderID), lot \(binding.lotID), bidder \(binding.bidderID)")
            print("envelope sha256: \(envelope.sha256Hex)")
            print("wrote \(self.out) (mode 0600); hand it over at the opening only / 仅在开标时提交")
        }
    }
}
