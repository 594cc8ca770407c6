import Foundation
import SQLKit
import Storage
import TradingCore

/// 文件 — tender documents, clarifications and bid files, stored content-addressed, read by role.
public struct DocumentService: Sendable {
    let platform: Platform

    /// Checks an upload's size against `uploads.maxBytes`.
    func checkSize(_ count: Int) throws {
        guard count > 0 else { throw TradingError.invalid("file-empty", zh: "文件不能为空", en: "The file is empty") }
        guard count <= self.platform.settings.maxUploadBytes else {
            throw TradingError(.tooLarge, code: "file-too-large", zh: "文件超过大小上限（\(self.platform.settings.maxUploadBytes)字节）",
                               en: "The file exceeds the size limit of \(self.platform.settings.maxUploadBytes) bytes")
        }
    }

    /// Attaches a tender document (`tender`), clarification file (`clarification`) or the signed contract's text for
    /// publication (`contract`, 政府采购法实施条例50) to a project the actor runs.
    public func attachToProject(projectID: String, kind: String, filename: String, bytes: [UInt8], by actor: Actor) async throws -> AttachmentView {
        guard ["tender", "clarification", "contract"].contains(kind) else {
            throw TradingError.invalid("document-kind", zh: "文件类型只能是招标文件、澄清文件或合同文本", en: "The kind must be 'tender', 'clarification' or 'contract'")
        }
        try self.checkSize(bytes.count)
        let name = try Self.cleanFilename(filename)
        _ = try await self.platform.engine.read { db in try await TenderService.ownedProject(projectID, by: actor, on: db) }
        let sha = try self.platform.files.put(bytes)
        let now = self.platform.nowMillis()
        let attachment = AttachmentRow(id: Identifiers.make(), sha256: sha, filename: name, ownerKind: kind, ownerId: projectID, projectId: projectID, uploadedBy: actor.accountID, createdAt: now)
        let position = try await self.platform.engine.transaction { db in
            _ = try await TenderService.ownedProject(projectID, by: actor, on: db)
            try await Self.recordDocument(sha: sha, size: bytes.count, now: now, on: db)
            try await db.insert("attachments", attachment)
            return try await LogRecords.append(
                LogEvent(type: "document.attached", project: projectID, actor: actor.logName, time: self.platform.clock.now(),
                         data: ["kind": kind, "filename": name, "size": String(bytes.count)], documents: [sha]),
                on: db
            )
        }
        var view = Self.view(attachment, size: Int64(bytes.count))
        view.logIndex = position.index
        return view
    }

    /// The bytes and name of a document, if `actor` may read it: tender files of published projects are public;
    /// a bid file is readable by its bidder, and by the project's runners, operator and regulator once its lot is opened.
    public func read(sha256: String, for actor: Actor?) async throws -> (filename: String, bytes: Data) {
        guard FileStore.isDigest(sha256) else { throw TradingError.notFound("Document", zh: "文件") }
        let allowed: String? = try await self.platform.engine.read { db in
            let attachments = try await db.rows("SELECT * FROM attachments WHERE sha256 = \(bind: sha256)", as: AttachmentRow.self)
            for attachment in attachments {
                guard let project = try await db.row("SELECT * FROM projects WHERE id = \(bind: attachment.projectId)", as: ProjectRow.self) else { continue }
                if attachment.ownerKind != "bid" {
                    if project.published == 1 || TenderService.oversees(project, actor) { return attachment.filename }
                    continue
                }
                guard let actor, let bid = try await db.row("SELECT * FROM bids WHERE id = \(bind: attachment.ownerId)", as: BidRow.self) else { continue }
                if bid.partyId == actor.partyID { return attachment.filename }
                if TenderService.oversees(project, actor),
                   let lot = try await db.row("SELECT * FROM lots WHERE id = \(bind: bid.lotId)", as: LotRow.self),
                   BiddingService.isOpened(lot.phase) {
                    return attachment.filename
                }
            }
            return nil
        }
        guard let filename = allowed, let bytes = self.platform.files.get(sha256) else {
            throw TradingError.notFound("Document", zh: "文件")
        }
        return (filename, bytes)
    }

    static func recordDocument(sha: String, size: Int, now: Int64, on db: any SQLDatabase) async throws {
        try await db.raw(
            "INSERT INTO documents (sha256, size, media_type, created_at) VALUES (\(bind: sha), \(bind: Int64(size)), 'application/octet-stream', \(bind: now)) ON CONFLICT (sha256) DO NOTHING"
        ).run()
    }

    static func attachments(projectID: String, kinds: [String], on db: any SQLDatabase) async throws -> [AttachmentView] {
        struct Joined: Decodable { var id, sha256, filename, ownerKind: String; var size, createdAt: Int64 }
        let rows = try await db.rows(
            "SELECT a.id, a.sha256, a.filename, a.owner_kind, d.size, a.created_at FROM attachments a JOIN documents d ON d.sha256 = a.sha256 WHERE a.project_id = \(bind: projectID) AND a.owner_kind IN (\(binds: kinds)) ORDER BY a.created_at",
            as: Joined.self
        )
        return rows.map {
            AttachmentView(id: $0.id, sha256: $0.sha256, filename: $0.filename, kind: $0.ownerKind, size: $0.size,
                           url: "/api/v1/documents/\($0.sha256)", uploadedAt: Timestamps.rfc3339(Timestamps.date($0.createdAt)))
        }
    }

    static func view(_ row: AttachmentRow, size: Int64) -> AttachmentView {
        AttachmentView(id: row.id, sha256: row.sha256, filename: row.filename, kind: row.ownerKind, size: size,
                       url: "/api/v1/documents/\(row.sha256)", uploadedAt: Timestamps.rfc3339(Timestamps.date(row.createdAt)))
    }

    /// A file name without path separators or control characters, 1–200 characters.
    static func cleanFilename(_ raw: String) throws -> String {
        let name = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init)?
            .filter { !$0.isNewline && $0.asciiValue.map { $0 >= 32 && $0 != 127 } ?? true }
            .trimmingCharacters(in: .whitespaces) ?? ""
        guard (1...200).contains(name.count), name != ".", name != ".." else {
            throw TradingError.invalid("filename", zh: "文件名无效（1至200个字符）", en: "Invalid file name (1–200 characters)")
        }
        return name
    }
}
