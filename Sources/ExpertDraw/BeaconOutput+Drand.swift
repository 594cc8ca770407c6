import Foundation

extension BeaconOutput {
    /// A beacon output from a drand round's JSON as the drand HTTP API serves it
    /// (`{"round": n, "randomness": hex, "signature": hex, ...}`), recorded as given; `network` names the chain
    /// the draw committed to. Other members (e.g. `previous_signature`) are ignored.
    public init(drandJSON: Data, network: String) throws(DrawError) {
        struct Round: Decodable {
            var round: UInt64
            var randomness: String
            var signature: String?
        }
        guard let round = try? JSONDecoder().decode(Round.self, from: drandJSON) else {
            throw .invalidBeacon("expected {\"round\": n, \"randomness\": hex, \"signature\": hex}")
        }
        guard let randomness = Hex.decode(round.randomness) else { throw .invalidBeacon("randomness is not hex") }
        var signature: [UInt8]?
        if let text = round.signature {
            guard let bytes = Hex.decode(text) else { throw .invalidBeacon("signature is not hex") }
            signature = bytes
        }
        self.init(network: network, round: round.round, randomness: randomness, signature: signature)
    }
}
