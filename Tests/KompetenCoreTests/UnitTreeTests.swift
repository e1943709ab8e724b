import Testing

@testable import KompetenCore

@Suite struct UnitTreeTests {
    func n(_ id: String, _ parent: String?, _ code: String, _ kind: UnitKind = .bidang) -> UnitNode<String> {
        UnitNode(id: id, parentID: parent, code: code, name: "Unit \(id)", kind: kind)
    }

    /// Deliberately shuffled input:
    ///   A 1.01 (OPD)              K 7.01 (kecamatan)        O 9.99 (parent ZZ missing)
    ///   ├─ A1 1.01.01             ├─ K1 7.01.01
    ///   │  └─ A11 1.01.01.01      └─ K2 7.01.02
    ///   └─ A2 1.01.02
    var tree: UnitTree<String> {
        UnitTree([
            n("K2", "K", "7.01.02", .kelurahan), n("A2", "A", "1.01.02"), n("O", "ZZ", "9.99", .upt),
            n("A11", "A1", "1.01.01.01", .seksi), n("K", nil, "7.01", .kecamatan),
            n("A", nil, "1.01", .opd), n("K1", "K", "7.01.01", .kelurahan), n("A1", "A", "1.01.01", .sekretariat),
        ])
    }

    @Test func rootsAndChildrenSortedByCode() {
        #expect(tree.roots == ["A", "K", "O"])
        #expect(tree.children(of: "A") == ["A1", "A2"])
        #expect(tree.children(of: "K") == ["K1", "K2"])
        #expect(tree.children(of: "A11") == [])
        #expect(tree.children(of: "nope") == [])
        #expect(tree.count == 8)
    }

    @Test func missingParentMakesARoot() {
        #expect(tree.parent(of: "O") == nil)
        #expect(tree.node("O")?.parentID == "ZZ") // the recorded value is kept
        #expect(tree.depth(of: "O") == 0)
    }

    @Test func ancestorsDepthAndTopLevel() {
        #expect(tree.ancestors(of: "A11") == ["A", "A1"])
        #expect(tree.ancestors(of: "A") == [])
        #expect(tree.depth(of: "A11") == 2)
        #expect(tree.depth(of: "K1") == 1)
        #expect(tree.topLevel(of: "A11") == "A")
        #expect(tree.topLevel(of: "K2") == "K")
        #expect(tree.topLevel(of: "A") == "A")
    }

    @Test func subtreeAndDescendants() {
        #expect(tree.subtree(of: "A") == ["A", "A1", "A11", "A2"])
        #expect(tree.descendants(of: "A") == ["A1", "A11", "A2"])
        #expect(tree.subtree(of: "A11") == ["A11"])
        #expect(tree.subtree(of: "nope") == [])
    }

    @Test func flattenedForIndentedRendering() {
        let rows = tree.flattened().map { "\($0.node.id)@\($0.depth)" }
        #expect(rows == ["A@0", "A1@1", "A11@2", "A2@1", "K@0", "K1@1", "K2@1", "O@0"])
    }

    @Test func moveChecks() {
        #expect(tree.wouldCreateCycle(moving: "A", under: "A11")) // under its own grandchild
        #expect(tree.wouldCreateCycle(moving: "A1", under: "A1")) // under itself
        #expect(tree.wouldCreateCycle(moving: "A1", under: "A11")) // under its child
        #expect(!tree.wouldCreateCycle(moving: "A11", under: "K"))
        #expect(!tree.wouldCreateCycle(moving: "K", under: "A11"))
        #expect(!tree.wouldCreateCycle(moving: "A", under: nil))
        #expect(!tree.wouldCreateCycle(moving: "A11", under: "A")) // a no-op move
    }

    @Test func cyclicInputIsBrokenAtSmallestCode() {
        // X → Y → Z → X is a cycle; W hangs off Z; S is its own parent.
        let t = UnitTree([
            n("X", "Y", "3"), n("Y", "Z", "2"), n("Z", "X", "4"), n("W", "Z", "1"), n("S", "S", "5"),
        ])
        // Y has the smallest code in the cycle, so it becomes the root: Y → X → Z → W.
        #expect(t.roots == ["Y", "S"])
        #expect(t.flattened().map { "\($0.node.id)@\($0.depth)" } == ["Y@0", "X@1", "Z@2", "W@3", "S@0"])
        #expect(t.ancestors(of: "W") == ["Y", "X", "Z"])
        #expect(t.topLevel(of: "Z") == "Y")
        #expect(t.wouldCreateCycle(moving: "Y", under: "W"))
    }

    @Test func twoNodeCycleKeepsTheSmallerCodeOnTop() {
        // P (code b) → Q (code a) → P: Q has the smaller code, so Q is the root and P its child.
        let t = UnitTree([n("P", "Q", "b"), n("Q", "P", "a")])
        #expect(t.roots == ["Q"])
        #expect(t.parent(of: "P") == "Q")
        #expect(t.depth(of: "P") == 1)
    }

    @Test func duplicatesAndCodeTies() {
        let t = UnitTree([
            n("P", nil, "1"), n("B", "P", "1.1"), n("A", "P", "1.1"), n("P", nil, "0-duplicate"),
        ])
        #expect(t.node("P")?.code == "1") // first of duplicate IDs wins
        #expect(t.children(of: "P") == ["B", "A"]) // equal codes keep input order
        #expect(t.count == 3)
    }

    @Test func worksWithIntegerIDs() {
        let t = UnitTree([
            UnitNode(id: 2, parentID: 1, code: "B", name: "Bidang", kind: .bidang),
            UnitNode(id: 1, parentID: nil, code: "A", name: "Dinas", kind: .opd),
        ])
        #expect(t.roots == [1])
        #expect(t.subtree(of: 1) == [1, 2])
        #expect(UnitTree<Int>([]).flattened().isEmpty)
    }
}
