public import Hummingbird
import Logging

/// Builds the witness's HTTP application: `POST /add-checkpoint` (C2SP tlog-witness) and `GET /`, a plain-text
/// page naming the witness and its key. `yiwang witness serve` and the tests call this.
public func buildWitnessApplication(
    configuration: ApplicationConfiguration, witness: WitnessService
) -> some ApplicationProtocol {
    Application(
        router: buildWitnessRouter(witness: witness), configuration: configuration,
        logger: Logger(label: "yiwang.witness"))
}

/// The witness's routes.
public func buildWitnessRouter(witness: WitnessService) -> Router<BasicRequestContext> {
    let router = Router()
    router.get("/") { _, _ -> Response in
        Response(
            status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: witness.homePage)))
    }
    router.post("/add-checkpoint") { request, _ -> Response in
        let body = try await request.body.collect(upTo: WitnessService.maxRequestBytes)
        let reply = await witness.addCheckpoint(body: Array(body.readableBytesView))
        return Response(
            status: HTTPResponse.Status(code: reply.status), headers: [.contentType: reply.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
    }
    return router
}
