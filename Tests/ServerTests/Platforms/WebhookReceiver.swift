import Foundation
import Hummingbird
import Synchronization

/// A local HTTP receiver for webhook tests: answers 500 to the first `failures` requests of each path, then 204, and
/// keeps every request's headers and body.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var path: String
        var signature: String
        var event: String
        var delivery: String
        var body: [UInt8]
        var answered: Int
    }

    let failures: [String: Int]
    let received = Mutex<[Received]>([])

    init(failures: [String: Int]) {
        self.failures = failures
    }

    var requests: [Received] { self.received.withLock { $0 } }

    func application() -> some ApplicationProtocol {
        let router = Router()
        router.post("/hooks/:name") { request, context -> Response in
            let body = Array(try await request.body.collect(upTo: 1 << 20).readableBytesView)
            let path = request.uri.path
            let header = { (name: String) in request.headers.first { $0.name.canonicalName == name }?.value ?? "" }
            let status: HTTPResponse.Status = self.received.withLock { received in
                let seen = received.filter { $0.path == path }.count
                let status: HTTPResponse.Status = seen < (self.failures[path] ?? 0) ? .internalServerError : .noContent
                received.append(Received(
                    path: path, signature: header("yiwang-signature"), event: header("yiwang-event"),
                    delivery: header("yiwang-delivery"), body: body, answered: Int(status.code)
                ))
                return status
            }
            return Response(status: status)
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }
}
