import ArgumentParser
import ExpertDraw
import Foundation

/// `yiwang verify draw BUNDLE` — reproduces a published expert draw (结果可验证的随机抽取) with no network:
/// prints the seed, the committee and "OK", or exits 1 naming the first field that does not reproduce.
struct VerifyDraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw",
        abstract: "Reproduce a published expert draw bundle (algorithm v1).",
        discussion: """
            Recomputes the pool and exclusions roots, the canonical rules, the commit-reveal commitments, the seed, \
            every ticket, the selections, the reserves, the declines and the salted result hash. With --commitment, \
            also checks the bundle against the commitment logged before the draw. The beacon's BLS signature is not \
            checked: verify the round with a drand client (e.g. drand-verify).
            """
    )

    @Argument(help: "The draw bundle (JSON, as published after the award).")
    var bundle: String

    @Option(help: "The commitment logged before the draw (JSON); the bundle must keep to it.")
    var commitment: String?

    func run() throws {
        let bundle: DrawBundle
        let commitment: DrawCommitment?
        do {
            bundle = try JSONDecoder().decode(DrawBundle.self, from: Data(contentsOf: URL(fileURLWithPath: self.bundle)))
            commitment = try self.commitment.map { try JSONDecoder().decode(DrawCommitment.self, from: Data(contentsOf: URL(fileURLWithPath: $0))) }
        } catch {
            Self.fail("cannot read the bundle (无法读取): \(error)")
        }
        switch bundle.verify(against: commitment) {
        case .mismatch(let mismatch):
            Self.fail("MISMATCH (不一致) \(mismatch.field)\n  expected (应为): \(mismatch.expected)\n  found (实为):    \(mismatch.found)")
        case .verified(let seed, let committee):
            print("draw \(bundle.drawID)")
            print("seed \(seed.hex)")
            print("beacon \(bundle.randomness.beacon.network) round \(bundle.randomness.beacon.round)")
            for draw in bundle.result.categories {
                print("\(draw.category): selected \(draw.selected.joined(separator: " ")); reserves \(draw.reserveInOrder.joined(separator: " "))")
            }
            for decline in bundle.declines {
                print("declined \(decline.id) → \(decline.replacement)")
            }
            let shortfall = bundle.result.shortfall(rules: bundle.rules)
            for (category, missing) in shortfall.sorted(by: { $0.key < $1.key }) {
                print("note: \(category) is \(missing) short of its quota")
            }
            print("committee \(committee.map(\.id).joined(separator: " "))")
            if bundle.randomness.beacon.signature == nil {
                print("note: no beacon signature in the bundle; check round \(bundle.randomness.beacon.round) with a drand client")
            }
            if commitment == nil {
                print("note: no --commitment given; the inputs were checked for consistency, not against the pre-draw log")
            }
            print("OK")
        }
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data((message + "\n").utf8))
        Foundation.exit(1)
    }
}
