import Foundation
import Hummingbird
import WitnessLog

extension PortalController {
    /// `/projects/{id}/certificate`: the project's witness certificate (电子见证书) as a page.
    @Sendable func certificate(_ request: Request, context: AppRequestContext) async throws -> Response {
        try await self.page(context, back: "/notices") {
            let certificate = try await self.certificateBundle(context)
            let model = try CertificatePageModel(certificate, chrome: PageChrome(title: "电子见证书：\(certificate.title)", actor: context.actor))
            return try await PortalRenderer.render(model, template: "certificate")
        }
    }

    /// `/projects/{id}/certificate.json`: the bundle `yiwang verify certificate` checks offline.
    @Sendable func certificateDownload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let certificate = try await self.certificateBundle(context)
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/json",
                .contentDisposition: "attachment; filename=\"certificate-\(certificate.project).json\"",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: try certificate.json()))
        )
    }

    /// The certificate of a project the visitor may see (published, or one they take part in).
    func certificateBundle(_ context: AppRequestContext) async throws -> WitnessCertificate {
        let view = try await self.platform.tenders.project(try context.parameters.require("project"), for: context.actor)
        return try await self.platform.log.certificate(projectID: view.id, title: view.title)
    }
}
