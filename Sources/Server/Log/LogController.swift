import Hummingbird
import TradingCore
import WitnessLog

/// The public witness-log endpoints (C2SP tlog-tiles): the verifier key, the latest cosigned checkpoint, the tiles
/// and entry bundles, and a tlog-proof receipt for any entry, so that anyone can mirror and check the log.
struct LogController {
    let platform: Platform

    func addRoutes(to router: Router<AppRequestContext>) {
        let group = router.group("/log")
        group.get("key") { _, _ -> Response in
            Self.text(self.platform.log.verifier.vkey + "\n", cache: "public, max-age=86400")
        }
        group.get("checkpoint") { _, _ -> Response in
            let signed = try await self.platform.log.checkpoint()
            return Self.text(signed.note.formatted, cache: "no-cache, max-age=2")
        }
        group.get("tile/**") { _, context -> Response in
            let components = context.parameters.getCatchAll().map(String.init)
            guard let tile = Tile(components: components), let body = try await self.platform.log.tile(tile) else {
                throw TradingError.notFound("Log tile", zh: "日志瓦片")
            }
            return Response(
                status: .ok,
                headers: [.contentType: "application/octet-stream", .cacheControl: "public, max-age=31536000, immutable"],
                body: .init(byteBuffer: ByteBuffer(bytes: body))
            )
        }
        group.get("receipts/{index}") { _, context -> Response in
            guard let index = context.parameters.get("index", as: UInt64.self) else {
                throw TradingError.invalid("index", zh: "日志序号必须是非负整数", en: "The log index must be a non-negative integer")
            }
            let receipt = try await self.platform.log.receipt(index: index)
            return Self.text(String(decoding: receipt.bytes, as: UTF8.self), cache: "no-cache")
        }
    }

    static func text(_ body: String, cache: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: cache],
            body: .init(byteBuffer: ByteBuffer(string: body))
        )
    }
}
