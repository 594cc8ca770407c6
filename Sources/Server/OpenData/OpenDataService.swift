import Foundation
import SQLKit
import Storage
import TradingCore
import WitnessLog

/// 数据开放 — OCDS 1.1 release and record packages per project, and a change feed (like ProZorro's) for mirrors.
public struct OpenDataService: Sendable {
    let platform: Platform

    /// The extensions the releases use: lots and bids.
    static let extensions = [
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json",
        "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json",
    ]

    /// `prefix-<project id>`; the prefix is `ocds.prefix` (a registered OCDS prefix in production).
    public func ocid(_ projectID: String) -> String {
        "\(self.platform.settings.ocidPrefix)-\(projectID)"
    }

    /// Every public project, oldest first: what a bulk export covers.
    public func publicProjectIDs() async throws -> [String] {
        try await self.platform.engine.read { db in
            try await db.raw("SELECT id FROM projects WHERE published = 1 ORDER BY created_at, id").all().map { try $0.decode(column: "id", as: String.self) }
        }
    }

    /// The project's releases in date order, as JSON values.
    public func releases(projectID: String, baseURL: String) async throws -> [JSONValue] {
        let data = try await self.load(projectID: projectID, baseURL: baseURL)
        return try OCDSMapping.releases(data).map(Self.json)
    }

    /// The release package: every release of the project.
    public func releasePackage(projectID: String, baseURL: String) async throws -> JSONValue {
        self.releasePackage(projectID: projectID, baseURL: baseURL, releases: try await self.releases(projectID: projectID, baseURL: baseURL))
    }

    /// The record package: the releases linked, and compiled into the current state (`compiledRelease`).
    public func recordPackage(projectID: String, baseURL: String) async throws -> JSONValue {
        self.recordPackage(projectID: projectID, baseURL: baseURL, releases: try await self.releases(projectID: projectID, baseURL: baseURL))
    }

    /// Both packages from one reading of the project (the bulk export).
    public func packages(projectID: String, baseURL: String) async throws -> (release: JSONValue, record: JSONValue) {
        let releases = try await self.releases(projectID: projectID, baseURL: baseURL)
        return (self.releasePackage(projectID: projectID, baseURL: baseURL, releases: releases),
                self.recordPackage(projectID: projectID, baseURL: baseURL, releases: releases))
    }

    func releasePackage(projectID: String, baseURL: String, releases: [JSONValue]) -> JSONValue {
        Self.package(uri: "\(baseURL)/api/v1/ocds/releases/\(projectID)", published: Self.latestDate(releases), fields: ["releases": .array(releases)])
    }

    func recordPackage(projectID: String, baseURL: String, releases: [JSONValue]) -> JSONValue {
        let releasePackage = "\(baseURL)/api/v1/ocds/releases/\(projectID)"
        let ocid = self.ocid(projectID)
        let linked = releases.map { release -> JSONValue in
            guard case .object(let fields) = release else { return release }
            return .object(["url": .string(releasePackage + "#" + (fields["id"].flatMap(Self.string) ?? "")), "date": fields["date"] ?? .null, "tag": fields["tag"] ?? .null])
        }
        let record = JSONValue.object(["ocid": .string(ocid), "releases": .array(linked), "compiledRelease": OCDSMerge.compile(releases, ocid: ocid)])
        return Self.package(uri: "\(baseURL)/api/v1/ocds/records/\(projectID)", published: Self.latestDate(releases), fields: [
            "packages": .array([.string(releasePackage)]), "records": .array([record]),
        ])
    }

    static func package(uri: String, published: String, fields: [String: JSONValue]) -> JSONValue {
        .object(fields.merging([
            "uri": .string(uri), "version": .string("1.1"), "publishedDate": .string(published),
            "publisher": .object(["name": .string("一网交易 公共资源交易平台")]),
            "extensions": .array(Self.extensions.map(JSONValue.string)),
        ]) { current, _ in current })
    }

    static func latestDate(_ releases: [JSONValue]) -> String {
        releases.compactMap { release -> String? in
            guard case .object(let fields) = release else { return nil }
            return fields["date"].flatMap(Self.string)
        }.max() ?? Timestamps.rfc3339(Date(timeIntervalSince1970: 0))
    }

    static func string(_ value: JSONValue) -> String? {
        if case .string(let text) = value { return text }
        return nil
    }

    static func json(_ release: OCDSRelease) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: try JSONEncoder().encode(release))
    }
}
