/// One organisational unit as the tree needs it (the database row is mapped to this in App).
public struct UnitNode<ID: Hashable & Sendable>: Hashable, Sendable {
    public var id: ID
    public var parentID: ID?
    public var code: String
    public var name: String
    public var kind: UnitKind

    public init(id: ID, parentID: ID?, code: String, name: String, kind: UnitKind) {
        self.id = id
        self.parentID = parentID
        self.code = code
        self.name = name
        self.kind = kind
    }
}

/// The unit hierarchy (OPD → bidang → seksi; kecamatan → kelurahan), built once from all rows.
///
/// Data from imports or hand edits can be inconsistent, so building never fails:
/// - a node whose parent is missing (or itself) is a root;
/// - a parent cycle (A → B → A) is broken at its member with the smallest code, which becomes a
///   root, so every node still appears exactly once and no walk can loop;
/// - of duplicate IDs, the first node wins.
/// Siblings are ordered by code, ties by input order, so rendering is deterministic.
public struct UnitTree<ID: Hashable & Sendable>: Sendable {
    private let nodes: [ID: UnitNode<ID>]
    private let parent: [ID: ID] // effective parent, acyclic
    private let kids: [ID: [ID]] // sorted
    public let roots: [ID] // sorted

    public init(_ list: [UnitNode<ID>]) {
        var nodes: [ID: UnitNode<ID>] = [:]
        var order: [ID: Int] = [:]
        for (i, n) in list.enumerated() where nodes[n.id] == nil {
            nodes[n.id] = n
            order[n.id] = i
        }
        func before(_ a: ID, _ b: ID) -> Bool {
            let (x, y) = (nodes[a]!, nodes[b]!)
            return x.code != y.code ? x.code < y.code : order[a]! < order[b]!
        }

        var parent: [ID: ID] = [:]
        for (id, n) in nodes { if let p = n.parentID, p != id, nodes[p] != nil { parent[id] = p } }

        // Break cycles: walk up from every node; reaching a node already on the current path means
        // a cycle. `done` holds nodes known to lead to a root, so each node is walked once overall.
        var done = Set<ID>()
        for start in nodes.keys.sorted(by: before) where !done.contains(start) {
            var path: [ID] = []
            var onPath = Set<ID>()
            var cur: ID? = start
            while let c = cur, !done.contains(c) {
                if onPath.contains(c) {
                    let cycle = path[path.firstIndex(of: c)!...]
                    parent[cycle.min(by: before)!] = nil
                    break
                }
                path.append(c)
                onPath.insert(c)
                cur = parent[c]
            }
            done.formUnion(path)
        }

        var kids: [ID: [ID]] = [:]
        for (id, p) in parent { kids[p, default: []].append(id) }
        self.nodes = nodes
        self.parent = parent
        self.kids = kids.mapValues { $0.sorted(by: before) }
        self.roots = nodes.keys.filter { parent[$0] == nil }.sorted(by: before)
    }

    public var count: Int { nodes.count }
    public func contains(_ id: ID) -> Bool { nodes[id] != nil }
    public func node(_ id: ID) -> UnitNode<ID>? { nodes[id] }

    /// The effective parent (nil for roots, including nodes whose recorded parent is missing).
    public func parent(of id: ID) -> ID? { parent[id] }

    /// Direct children, sorted by code.
    public func children(of id: ID) -> [ID] { kids[id] ?? [] }

    /// Root first, down to the parent; excludes `id` itself. Empty for roots and unknown IDs.
    public func ancestors(of id: ID) -> [ID] {
        var out: [ID] = []
        var seen: Set<ID> = [id]
        var cur = parent[id]
        while let c = cur, seen.insert(c).inserted {
            out.append(c)
            cur = parent[c]
        }
        return out.reversed()
    }

    /// `id` and everything below it, depth-first in code order. Empty for unknown IDs.
    public func subtree(of id: ID) -> [ID] {
        guard nodes[id] != nil else { return [] }
        return walk(from: [id]).map { $0.0 }
    }

    /// Everything below `id`, excluding `id`.
    public func descendants(of id: ID) -> [ID] { Array(subtree(of: id).dropFirst()) }

    /// The root of `id`'s branch (typically its OPD or kecamatan); `id` itself when it is a root.
    public func topLevel(of id: ID) -> ID { ancestors(of: id).first ?? id }

    /// 0 for roots (and unknown IDs), 1 for their children, and so on.
    public func depth(of id: ID) -> Int { ancestors(of: id).count }

    /// Every node once, depth-first in code order, with its depth — for an indented tree view.
    public func flattened() -> [(node: UnitNode<ID>, depth: Int)] {
        walk(from: roots).map { (node: nodes[$0.0]!, depth: $0.1) }
    }

    /// Whether re-parenting `id` under `newParent` would make it its own ancestor.
    /// Moving to the top (`nil`) or under an unknown unit never does.
    public func wouldCreateCycle(moving id: ID, under newParent: ID?) -> Bool {
        guard let newParent else { return false }
        return newParent == id || ancestors(of: newParent).contains(id)
    }

    /// Iterative pre-order walk (an explicit stack, so no recursion depth limit), with depths
    /// relative to `starts`. The `seen` set is a second guard against loops.
    private func walk(from starts: [ID]) -> [(ID, Int)] {
        var out: [(ID, Int)] = []
        var seen = Set<ID>()
        var stack: [(ID, Int)] = starts.reversed().map { ($0, 0) }
        while let (id, d) = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            out.append((id, d))
            stack.append(contentsOf: children(of: id).reversed().map { ($0, d + 1) })
        }
        return out
    }
}
