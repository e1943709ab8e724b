import Fluent
import KompetenCore
import Vapor

/// API tokens: issued (shown once; only the hash is stored), listed, revoked with an audit entry.
enum TokenService {
    /// A user's unexpired tokens, newest first (at most 200).
    static func unexpired(of userID: UUID, at now: Date, on db: any Database) async throws -> [UserToken] {
        try await UserToken.query(on: db).filter(\.$userID == userID).filter(\.$expiresAt > now)
            .sort(\.$createdAt, .descending).limit(200).all()
    }

    /// The token with this id if it is this user's.
    static func find(_ id: UUID, of userID: UUID, on db: any Database) async throws -> UserToken? {
        try await UserToken.query(on: db).filter(\.$id == id).filter(\.$userID == userID).first()
    }

    /// Every token of a user, expired or not.
    static func all(of userID: UUID, on db: any Database) async throws -> [UserToken] {
        try await UserToken.query(on: db).filter(\.$userID == userID).all()
    }

    /// A new token for the user, valid for the configured lifetime; the raw value is returned once.
    static func issue(for userID: UUID, label: String?, on req: Request) async throws
        -> TokenAPIController.TokenResponse
    {
        let raw = TokenHasher.newToken()
        let token = UserToken()
        token.userID = userID
        token.tokenHash = TokenHasher.hash(raw)
        token.createdAt = req.now
        token.expiresAt = req.now.addingTimeInterval(req.application.kompeten.config.tokenLifetime)
        token.label = label.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        try await token.create(on: req.db)
        return TokenAPIController.TokenResponse(token: raw, expiresAt: token.expiresAt)
    }

    /// Deletes these tokens of `owner` with one audit entry.
    static func revoke(_ tokens: [UserToken], owner: UUID, actor: Principal, at now: Date, on db: any Database)
        async throws
    {
        guard !tokens.isEmpty else { return }
        try await db.transaction { db in
            try await UserToken.query(on: db).filter(\.$id ~~ tokens.compactMap(\.id)).delete()
            try await AuditLog.record(
                .revoke, entity: "user", id: owner, summary: "Mencabut \(tokens.count) token API",
                actor: actor, instansiID: actor.instansiID, at: now, on: db)
        }
    }

    /// Deletes a user's tokens but `keep` (the token the request came with), inside the caller's transaction.
    static func deleteAll(of userID: UUID, except keep: UUID?, on db: any Database) async throws {
        var tokens = UserToken.query(on: db).filter(\.$userID == userID)
        if let keep { tokens = tokens.filter(\.$id != keep) }
        try await tokens.delete()
    }
}
