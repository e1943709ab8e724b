import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A local SMTP server for the tests: accepts EHLO/MAIL/RCPT/DATA/QUIT on 127.0.0.1 and keeps
/// each message with its envelope (the data as the recipient sees it, dot-stuffing undone).
final class SMTPSink: Sendable {
    struct Mail: Sendable, Equatable {
        let from: String
        let to: [String]
        let data: String
    }

    private let received: NIOLockedValueBox<[Mail]>
    private let channel: any Channel

    var port: Int { channel.localAddress?.port ?? 0 }
    var mails: [Mail] { received.withLockedValue { $0 } }

    private init(channel: any Channel, received: NIOLockedValueBox<[Mail]>) {
        self.channel = channel
        self.received = received
    }

    static func start() async throws -> SMTPSink {
        let box = NIOLockedValueBox<[Mail]>([])
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(SMTPSinkHandler(store: box))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return SMTPSink(channel: channel, received: box)
    }

    func stop() async {
        try? await channel.close()
    }
}

/// One client's dialogue with the sink.
private final class SMTPSinkHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    let store: NIOLockedValueBox<[SMTPSink.Mail]>
    private var buffer = ""
    private var inData = false
    private var from = ""
    private var to: [String] = []

    init(store: NIOLockedValueBox<[SMTPSink.Mail]>) { self.store = store }

    private func reply(_ context: ChannelHandlerContext, _ text: String) {
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: text + "\r\n")), promise: nil)
    }

    func channelActive(context: ChannelHandlerContext) {
        reply(context, "220 sink ESMTP")
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var bytes = unwrapInboundIn(data)
        buffer += bytes.readString(length: bytes.readableBytes) ?? ""
        while true {
            if inData {
                // The data is everything up to the line holding a single dot.
                let text = "\r\n" + buffer
                guard let end = text.range(of: "\r\n.\r\n") else { return }
                // "\r\n" is one Character: one step skips the CRLF put in front.
                let raw = String(text[text.index(after: text.startIndex)..<end.lowerBound])
                let unstuffed = raw.components(separatedBy: "\r\n").map {
                    $0.hasPrefix(".") ? String($0.dropFirst()) : $0
                }
                .joined(separator: "\r\n")
                let mail = SMTPSink.Mail(from: from, to: to, data: unstuffed)
                store.withLockedValue { $0.append(mail) }
                buffer = String(text[end.upperBound...])
                inData = false
                from = ""
                to = []
                reply(context, "250 OK queued")
                continue
            }
            guard let end = buffer.range(of: "\r\n") else { return }
            let line = String(buffer[..<end.lowerBound])
            buffer.removeSubrange(..<end.upperBound)
            let verb = line.uppercased()
            if verb.hasPrefix("EHLO") || verb.hasPrefix("HELO") {
                reply(context, "250-sink\r\n250 8BITMIME")
            } else if verb.hasPrefix("MAIL FROM:") {
                from = Self.address(line)
                reply(context, "250 OK")
            } else if verb.hasPrefix("RCPT TO:") {
                to.append(Self.address(line))
                reply(context, "250 OK")
            } else if verb == "DATA" {
                inData = true
                reply(context, "354 End data with <CR><LF>.<CR><LF>")
            } else if verb == "QUIT" {
                reply(context, "221 Bye")
                context.close(promise: nil)
                return
            } else {
                reply(context, "502 Command not implemented")
            }
        }
    }

    /// `MAIL FROM:<a@b.id>` → `a@b.id`.
    private static func address(_ line: String) -> String {
        guard let open = line.firstIndex(of: "<"), let close = line.lastIndex(of: ">") else { return "" }
        return String(line[line.index(after: open)..<close])
    }
}
