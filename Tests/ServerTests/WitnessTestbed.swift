import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Server
import WitnessLog

/// A log, a witness key and a temporary state file for the witness server and client tests.
struct WitnessTestbed {
    static let origin = "log.yiwang.test/trading"
    static let timestamp: UInt64 = 1_767_225_600

    let log: NoteSigner
    let witness: NoteSigner
    let directory: URL
    private(set) var tree = MerkleTree()

    /// A testbed whose log holds `size` entries.
    init(size: UInt64 = 5) throws {
        self.log = try NoteSigner.generate(name: Self.origin)
        self.witness = try NoteSigner.generate(name: "witness.yiwang.test/regulator", type: .cosignatureV1)
        self.directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("yiwang-witness-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        while self.tree.size < size {
            self.tree.append(entry: Array("{\"index\":\(self.tree.size),\"type\":\"bid.submitted\"}".utf8))
        }
    }

    var stateFile: WitnessStateFile {
        WitnessStateFile(path: self.directory.appendingPathComponent("state.json").path)
    }

    /// The log's signed checkpoint at `size` leaves.
    func note(size: UInt64) throws -> SignedNote {
        try Checkpoint(origin: Self.origin, size: size, rootHash: try self.tree.rootHash(size: size)).sign(with: [self.log])
    }

    /// An add-checkpoint body from `oldSize` to the checkpoint at `size`, with the real consistency proof.
    func body(oldSize: UInt64, size: UInt64) throws -> [UInt8] {
        let proof = oldSize == 0 ? [] : try self.tree.consistencyProof(oldSize: oldSize, newSize: size).hashes
        return AddCheckpointRequest(oldSize: oldSize, consistencyProof: proof, checkpoint: try self.note(size: size)).body
    }

    /// A witness service over the testbed's state file (a fresh service reads what earlier ones saved).
    func service() throws -> WitnessService {
        try WitnessService(
            signer: self.witness, logKeys: [self.log.verifier], stateFile: self.stateFile,
            logger: Logger(label: "test.witness", factory: { _ in SwiftLogNoOpLogHandler() }), now: { Self.timestamp })
    }

    /// The witness application on an ephemeral port.
    func application(_ service: WitnessService) -> some ApplicationProtocol {
        buildWitnessApplication(configuration: .init(address: .hostname("127.0.0.1", port: 0)), witness: service)
    }

    func removeFiles() {
        try? FileManager.default.removeItem(at: self.directory)
    }
}

extension TestClientProtocol {
    /// Posts an add-checkpoint body; returns status, content type and body text.
    func addCheckpoint(_ body: [UInt8]) async throws -> (status: Int, contentType: String?, text: String) {
        try await self.execute(uri: "/add-checkpoint", method: .post, body: ByteBuffer(bytes: body)) { response in
            (Int(response.status.code), response.headers[.contentType], String(buffer: response.body))
        }
    }
}
