import Foundation
import Hummingbird
import TradingCore

/// Webhook subscribers and their deliveries: the operator's under /webhooks, a connected platform's own under
/// /platforms/{code}/webhooks (with its push key).
extension APIController {
    func addWebhookRoutes(to group: RouterGroup<AppRequestContext>) {
        group.get("webhooks", use: { request, context in try await self.subscribers(try self.operatorRequester(context)) })
        group.post("webhooks", use: { request, context in try await self.subscribe(request, context: context, as: try self.operatorRequester(context)) })
        group.delete("webhooks/:subscriber", use: { request, context in try await self.unsubscribe(context, as: try self.operatorRequester(context)) })
        group.get("webhooks/:subscriber/deliveries", use: { request, context in try await self.deliveries(context, as: try self.operatorRequester(context)) })
        group.get("platforms/:code/webhooks", use: { request, context in try await self.subscribers(try self.platformRequester(request, context)) })
        group.post("platforms/:code/webhooks", use: { request, context in
            try await self.subscribe(request, context: context, as: try self.platformRequester(request, context))
        })
        group.delete("platforms/:code/webhooks/:subscriber", use: { request, context in
            try await self.unsubscribe(context, as: try self.platformRequester(request, context))
        })
        group.get("platforms/:code/webhooks/:subscriber/deliveries", use: { request, context in
            try await self.deliveries(context, as: try self.platformRequester(request, context))
        })
    }

    func operatorRequester(_ context: AppRequestContext) throws -> WebhookService.Requester {
        .actor(try context.requireActor())
    }

    func platformRequester(_ request: Request, _ context: AppRequestContext) throws -> WebhookService.Requester {
        .platform(code: try context.parameters.require("code"), authorization: request.headers[.authorization])
    }

    func subscribers(_ requester: WebhookService.Requester) async throws -> Items<WebhookSubscriberView> {
        Items(items: try await self.platform.webhooks.subscribers(by: requester))
    }

    func subscribe(_ request: Request, context: AppRequestContext, as requester: WebhookService.Requester) async throws -> EditedResponse<WebhookSubscriberView> {
        _ = try await self.platform.webhooks.owner(requester)
        let form = try await request.decode(as: WebhookService.Subscription.self, context: context)
        return .init(status: .created, response: try await self.platform.webhooks.subscribe(form, by: requester))
    }

    func unsubscribe(_ context: AppRequestContext, as requester: WebhookService.Requester) async throws -> WebhookSubscriberView {
        try await self.platform.webhooks.unsubscribe(id: try context.parameters.require("subscriber"), by: requester)
    }

    func deliveries(_ context: AppRequestContext, as requester: WebhookService.Requester) async throws -> Items<WebhookDeliveryView> {
        Items(items: try await self.platform.webhooks.deliveries(subscriberID: try context.parameters.require("subscriber"), by: requester))
    }
}

extension WebhookSubscriberView: ResponseEncodable {}
