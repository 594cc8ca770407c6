import ArgumentParser
import Foundation
import SealedBid

extension Bidder {
    /// `yiwang bidder seal …`: seals a bid file and its opening sheet for the tender's custodians.
    struct Seal: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Seal a bid file and its opening sheet (price, fields) so that only k custodians together can open it.",
            discussion: """
                Tender, lot, bidder and deadline are signed into the envelope; copy them from the tender notice \
                exactly, or the platform will refuse the bid. Keep the printed SHA-256: the platform's receipt \
                (投标回执) must show the same.
                """
        )

        @Option(name: .long, help: ArgumentHelp("Tender (招标项目) id, as in the notice.", valueName: "id"))
        var tender: String

        @Option(name: .long, help: ArgumentHelp("Lot (标段/包) id, as in the notice.", valueName: "id"))
        var lot: String

        @Option(name: .long, help: ArgumentHelp("Your bidder id on the platform (e.g. unified social credit code).", valueName: "id"))
        var bidder: String

        @Option(name: .long, help: ArgumentHelp("Bid deadline, RFC 3339 with offset, e.g. 2026-09-14T09:30:00+08:00.", valueName: "time"))
        var deadline: String

        @Option(name: .long, help: ArgumentHelp("The custodians' public key files in the notice's order, comma-separated.", valueName: "A.pub,B.pub,…"))
        var custodians: String

        @Option(name: .long, help: ArgumentHelp("How many custodians must release their shares to open the bid.", valueName: "k"))
        var threshold: Int

        @Option(name: .customLong("in"), help: ArgumentHelp("The bid file to seal.", valueName: "file"))
        var input: String

        @Option(name: .long, help: ArgumentHelp("The envelope to write (must not exist).", valueName: "file"))
        var out: String

        @Option(name: .long, help: ArgumentHelp("Bid price in yuan, at most 2 decimals, e.g. 1234567.89.", valueName: "yuan"))
        var price: String

        @Option(name: .customLong("duration-days"), help: ArgumentHelp("Promised duration (工期) in calendar days.", valueName: "days"))
        var durationDays: UInt32?

        @Option(name: .customLong("field"), parsing: .upToNextOption, help: ArgumentHelp("Further opening-sheet fields, e.g. 质量标准=合格.", valueName: "key=value"))
        var fields: [String] = []

        @Option(name: .customLong("file-name"), help: ArgumentHelp("File name recorded in the envelope (default: that of --in).", valueName: "name"))
        var fileName: String?

        @Option(name: .customLong("signing-key"), help: ArgumentHelp("Your bidder signing key (from `yiwang bidder keygen`).", valueName: "file"))
        var signingKey: String?

        func run() throws {
            try SealingFiles.refuseExisting([self.out])
            let signer = try self.readSigner()
            let sheet: OpeningSheet
            let binding: BidBinding
            do throws(BidInputError) {
                sheet = OpeningSheet(
                    priceFen: try YuanAmount.fen(parsing: self.price),
                    durationDays: self.durationDays,
                    fields: try OpeningSheet.fields(parsing: self.fields)
                )
                binding = BidBinding(
                    tenderID: self.tender,
                    lotID: self.lot,
                    bidderID: self.bidder,
                    deadlineUnixSeconds: try RFC3339.unixSeconds(parsing: self.deadline)
                )
            } catch {
                throw CommandFailure("input", error)
            }
            let custodianKeys = try self.readCustodians()
            let fileBytes = try SealingFiles.read(self.input, "bid file")
            let payload = BidPayload(
                openingSheet: sheet,
                fileName: self.fileName ?? URL(fileURLWithPath: self.input).lastPathComponent,
                fileBytes: fileBytes
            )
            let envelope: BidEnvelope
            do throws(SealingError) {
                let panel = try CustodianPanel(custodians: custodianKeys, threshold: self.threshold)
                envelope = try BidEnvelope.seal(payload: payload, binding: binding, panel: panel, signingKey: signer.signingKey)
            } catch {
                throw CommandFailure("seal", error)
            }
            try SealingFiles.publish(envelope.serialized, to: self.out, mode: 0o644)
            self.report(envelope, payload: payload, signer: signer)
        }

        /// The bidder key; no ephemeral key is ever made, since the platform will accept only the registered one.
        private func readSigner() throws(CommandFailure) -> BidderKey {
            guard let path = self.signingKey else {
                throw CommandFailure(
                    "--signing-key FILE is required: make a key once with `yiwang bidder keygen --out NAME` and register "
                        + "NAME.pub with the platform; an envelope signed by any other key would be refused / "
                        + "需要投标人签名密钥（--signing-key）：先用 yiwang bidder keygen 生成并在平台登记公钥"
                )
            }
            let text = try SealingFiles.readText(path, "signing key")
            do throws(KeyTextError) {
                return try BidderKey(text: text)
            } catch {
                throw CommandFailure(path, error)
            }
        }

        /// The custodians' public keys, in the order given.
        private func readCustodians() throws(CommandFailure) -> [CustodianPublicKey] {
            let paths = self.custodians.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            var keys: [CustodianPublicKey] = []
            for path in paths {
                guard !path.isEmpty else {
                    throw CommandFailure("--custodians has an empty entry / 保管人公钥文件列表中有空项: \(self.custodians)")
                }
                let text = try SealingFiles.readText(path, "custodian public key")
                do throws(KeyTextError) {
                    keys.append(try CustodianPublicKey(text: text))
                } catch {
                    throw CommandFailure(path, error)
                }
            }
            return keys
        }

        private func report(_ envelope: BidEnvelope, payload: BidPayload, signer: BidderKey) {
            let binding = envelope.binding
            print("sealed \(payload.fileName) (\(payload.fileBytes.count) bytes)")
            print("tender \(binding.tenderID), lot \(binding.lotID), bidder \(binding.bidderID)")
            print("deadline \(RFC3339.text(unixSeconds: binding.deadlineUnixSeconds, offsetMinutes: 480))")
            if Date() >= binding.deadline {
                print("note: this deadline has passed; the platform will refuse a bid received after it / 投标截止时间已过")
            }
            print("custodians \(envelope.shares.count), threshold \(envelope.threshold)")
            for line in payload.openingSheet.readOut {
                print(line)
            }
            print("signed by \(signer.publicKey.text)", terminator: "")
            print("wrote \(self.out) (\(envelope.serialized.count) bytes)")
            print("envelope sha256: \(envelope.sha256Hex)")
            print("Keep this hash: the platform's receipt must show the same / 请保存此哈希值，须与平台投标回执一致")
        }
    }
}
