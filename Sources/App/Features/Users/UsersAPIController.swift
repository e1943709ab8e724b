import Fluent
import KompetenCore
import Vapor

/// `/api/v1/users` (admin of the instansi only).
enum UsersAPIController {
    static func register(_ api: any RoutesBuilder) {
        let users = api.grouped("users")
        users.get(use: list)
        users.post(use: create)
        users.get(":id", use: show)
        users.put(":id", use: update)
        users.post(":id", "password", use: resetPassword)
    }

    struct ListQuery: Content {
        var page: Int?
        var per: Int?
    }

    static func list(req: Request) async throws -> PagedResponse<UserDTO> {
        let params = try req.query.decode(ListQuery.self)
        let paging = try APIPaging.parse(page: params.page, per: params.per)
        let query = try UserService.list(try req.actor, on: req.db)
        let total = try await query.count()
        let users = try await query.sort(\.$username).range(paging.offset..<(paging.offset + paging.per)).all()
        return PagedResponse(
            items: users.map(UserDTO.init), metadata: .init(page: paging.page, per: paging.per, total: total))
    }

    static func show(req: Request) async throws -> UserDTO {
        UserDTO(try await UserService.find(try req.parameters.require("id"), try req.actor, on: req.db))
    }

    static func create(req: Request) async throws -> Response {
        let actor = try req.actor
        try AccessPolicy.mayCreate(actor, .user).require() // access before the body is read
        let input = try req.content.decode(NewUserInput.self)
        let user = try await UserService.create(
            input, actor: actor, at: req.now, on: req.db, hasher: req.password.async)
        return try await UserDTO(user).encodeResponse(status: .created, for: req)
    }

    /// `POST /api/v1/users/:id/password` `{"password", "temporary"}` → 204: sets a new password
    /// and ends every session and token of that user.
    static func resetPassword(req: Request) async throws -> HTTPStatus {
        let actor = try req.actor
        let id: UUID? = req.parameters.get("id")
        _ = try await UserService.find(id, actor, on: req.db) // access (and existence) before the body
        let input = try req.content.decode(PasswordResetInput.self)
        _ = try await UserService.resetPassword(
            id!, to: input.password, temporary: input.temporary ?? false,
            actor: actor, at: req.now, on: req.db, hasher: req.password.async)
        return .noContent
    }

    static func update(req: Request) async throws -> UserDTO {
        let input = try req.content.decode(UserUpdateInput.self)
        return UserDTO(
            try await UserService.update(
                try req.parameters.require("id"), input, actor: try req.actor, at: req.now, on: req.db))
    }
}
