import Foundation
import KompetenCore
import NIOCore
import NIOPosix
import NIOSSL

/// Sends one message. Behind a protocol so tests and `--dry-run` can swap the network out.
protocol MailTransport: Sendable {
    func send(_ message: MailMessage) async throws
}

/// A failed delivery, in words an admin can act on (shown on the settings page, never a 500).
struct MailError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A minimal SMTP client (RFC 5321) on SwiftNIO: EHLO, optional STARTTLS or implicit TLS,
/// AUTH PLAIN, one MAIL/RCPT/DATA, QUIT. No Swift SMTP package is available here, and libcurl's
/// development headers are not installed on the build machines; NIO and NIOSSL already are.
struct SMTPTransport: MailTransport {
    let config: SMTPConfig
    /// One conversation may take this long at most; a server that stops answering is given up.
    var timeout: TimeAmount = .seconds(30)

    func send(_ message: MailMessage) async throws {
        let channel: any Channel
        do {
            channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connectTimeout(.seconds(10))
                .channelInitializer { [config] channel in
                    channel.eventLoop.makeCompletedFuture {
                        if config.security == .tls {
                            try channel.pipeline.syncOperations.addHandler(try Self.tlsHandler(config.host))
                        }
                        try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler())
                    }
                }
                .connect(host: config.host, port: config.port).get()
        } catch {
            throw MailError(message: "Tidak dapat terhubung ke server SMTP \(config.host):\(config.port).")
        }
        let deadline = channel.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
        defer {
            deadline.cancel()
            channel.close(promise: nil)
        }
        let talk = SMTPConversation(channel: channel)
        try await talk.expect(nil, [220])
        try await talk.expect("EHLO kompeten", [250])
        if config.security == .starttls {
            try await talk.expect("STARTTLS", [220])
            // Built on the channel's loop: the handler is not Sendable.
            try await channel.eventLoop.submit { [host = config.host] in
                try channel.pipeline.syncOperations.addHandler(try Self.tlsHandler(host), position: .first)
            }.get()
            try await talk.expect("EHLO kompeten", [250])
        }
        if let user = config.username, let password = config.password {
            let token = Data(([0] + Array(user.utf8) + [0] + Array(password.utf8))).base64EncodedString()
            // The reply to AUTH is reported without the command (it carries the password).
            try await talk.expect("AUTH PLAIN " + token, [235], echo: "AUTH PLAIN")
        }
        try await talk.expect("MAIL FROM:<\(message.from)>", [250])
        try await talk.expect("RCPT TO:<\(message.to)>", [250, 251])
        try await talk.expect("DATA", [354])
        try await talk.expect(raw: MailMessage.smtpData(message.rendered), [250])
        _ = try? await talk.expect("QUIT", [221])
    }

    private static func tlsHandler(_ host: String) throws -> NIOSSLClientHandler {
        let context = try NIOSSLContext(configuration: .makeClientConfiguration())
        return try NIOSSLClientHandler(context: context, serverHostname: host)
    }
}

/// Writes commands and waits for each reply (a reply may span lines `250-…`, ending with `250 …`).
private struct SMTPConversation {
    let channel: any Channel

    func expect(_ command: String?, _ codes: Set<Int>, echo: String? = nil) async throws {
        try await expect(raw: command.map { $0 + "\r\n" }, codes, echo: echo ?? command)
    }

    func expect(raw: String?, _ codes: Set<Int>, echo: String? = "DATA") async throws {
        if let raw {
            try await channel.writeAndFlush(ByteBuffer(string: raw)).get()
        }
        let reply: SMTPReply
        do {
            reply = try await channel.eventLoop.flatSubmit {
                do {
                    return try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self)
                        .next(on: channel.eventLoop)
                } catch {
                    return channel.eventLoop.makeFailedFuture(error)
                }
            }.get()
        } catch {
            throw MailError(message: "Server SMTP memutus sambungan (\(echo ?? "salam pembuka")).")
        }
        guard codes.contains(reply.code) else {
            throw MailError(message: "Server SMTP menolak \(echo ?? "sambungan"): \(reply.text.prefix(200))")
        }
    }
}

struct SMTPReply: Sendable {
    let code: Int
    let text: String
}

/// Splits the server's bytes into replies and hands them to whoever waits, in order.
final class SMTPReplyHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private var pending = ""
    private var lines: [String] = []
    private var ready: [SMTPReply] = []
    private var waiting: [EventLoopPromise<SMTPReply>] = []
    private var closed = false

    func next(on loop: any EventLoop) -> EventLoopFuture<SMTPReply> {
        if !ready.isEmpty { return loop.makeSucceededFuture(ready.removeFirst()) }
        if closed { return loop.makeFailedFuture(ChannelError.ioOnClosedChannel) }
        let promise = loop.makePromise(of: SMTPReply.self)
        waiting.append(promise)
        return promise.futureResult
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readString(length: buffer.readableBytes) ?? ""
        while let end = pending.range(of: "\r\n") {
            let line = String(pending[..<end.lowerBound])
            pending.removeSubrange(..<end.upperBound)
            lines.append(line)
            // `250-more` continues the reply; `250 done` (or a bare `250`) ends it.
            let chars = Array(line)
            guard chars.count == 3 || (chars.count > 3 && chars[3] == " ") else { continue }
            let reply = SMTPReply(code: Int(String(chars.prefix(3))) ?? 0, text: lines.joined(separator: " "))
            lines = []
            if waiting.isEmpty { ready.append(reply) } else { waiting.removeFirst().succeed(reply) }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        for p in waiting { p.fail(ChannelError.ioOnClosedChannel) }
        waiting = []
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        for p in waiting { p.fail(error) }
        waiting = []
        context.close(promise: nil)
    }
}
