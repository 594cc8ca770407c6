import Foundation
import Hummingbird
import HummingbirdWebSocket
import Logging
import Metrics
import Prometheus
import ServiceLifecycle
import Storage
import Synchronization

/// Builds the whole application; `yiwang serve`, `yiwang demo` and the tests all call this.
public func buildApplication(platform: Platform, configuration: AppConfiguration) -> some ApplicationProtocol {
    let router = buildRouter(platform: platform)
    var app = Application(
        router: router,
        server: .http1WebSocketUpgrade(webSocketRouter: buildWebSocketRouter(platform: platform)),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "yiwang"),
        logger: platform.logger
    )
    if let postgres = platform.engine as? PostgresEngine {
        app.addServices(AuctionListener(engine: postgres, logger: platform.logger))
    }
    if configuration.schedulerSeconds > 0 {
        app.addServices(DeadlineScheduler(platform: platform, interval: .seconds(configuration.schedulerSeconds)))
    }
    if configuration.webhookSeconds > 0 {
        app.addServices(WebhookDispatcher(platform: platform, interval: .seconds(configuration.webhookSeconds)))
    }
    return app
}

/// The router with every route: JSON API, portal pages, static files, health and metrics.
public func buildRouter(platform: Platform) -> Router<AppRequestContext> {
    Metrics.install()
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: FileMiddleware(Resources.publicDirectory, urlBasePath: "/static", searchForIndexHtml: false))
    router.add(middleware: AuthenticationMiddleware(platform: platform))
    router.get("/healthz") { _, _ -> String in "ok" }
    router.get("/metrics") { _, _ -> Response in
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: Metrics.registry.emitToBuffer()))
        )
    }
    router.get("/openapi.json") { _, _ -> Response in
        let data = (try? Data(contentsOf: Resources.openAPIDocument)) ?? Data()
        return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
    APIController(platform: platform).addRoutes(to: router.group("/api/v1"))
    LogController(platform: platform).addRoutes(to: router)
    PortalController(platform: platform).addRoutes(to: router)
    return router
}

/// Prometheus metrics, installed once per process.
enum Metrics {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    static func install() { _ = Self.registry }
}

/// Paths of the bundled resources (templates, static files, the OpenAPI document).
enum Resources {
    static let root: URL = Bundle.module.url(forResource: "Resources", withExtension: nil)!
    static var publicDirectory: String { Self.root.appendingPathComponent("public").path }
    static var templatesDirectory: URL { Self.root.appendingPathComponent("templates") }
    static var openAPIDocument: URL { Self.root.appendingPathComponent("openapi.json") }
}

/// 定时开标 — opens every lot whose bid deadline has passed, on a timer (法34: the opening is at the deadline), and
/// signs a checkpoint over whatever the witness log gained since the last one.
struct DeadlineScheduler: Service {
    let platform: Platform
    let interval: Duration

    func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            do {
                _ = try await self.platform.bidding.openDueLots()
            } catch {
                self.platform.logger.error("scheduler: opening due lots failed: \(error)")
            }
            do {
                _ = try await self.platform.auctions.advanceDue()
            } catch {
                self.platform.logger.error("scheduler: closing due auctions failed: \(error)")
            }
            do {
                _ = try await self.platform.log.checkpoint()
            } catch {
                self.platform.logger.error("scheduler: signing a checkpoint failed: \(error)")
            }
            try? await Task.sleep(for: self.interval)
        }
    }
}

extension Task where Success == Never, Failure == Never {
    static var isCancelledOrShuttingDown: Bool { Task.isCancelled || Task.isShuttingDownGracefully }
}
