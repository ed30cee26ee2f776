import Testing
import TensorCore

@Suite struct TensorTests {
    @Test func initialisersGiveShapeCountAndValues() {
        let z = Tensor(zeros: [2, 3])
        #expect(z.shape == [2, 3] && z.count == 6 && z.rank == 2)
        #expect(z.scalars == [0, 0, 0, 0, 0, 0])
        let f = Tensor(repeating: 2.5, shape: [4])
        #expect(f.scalars == [2.5, 2.5, 2.5, 2.5])
        let v = Tensor([1, 2, 3, 4, 5, 6], shape: [3, 2])
        #expect(v[1, 0] == 3 && v[2, 1] == 6 && v[flat: 4] == 5)
        #expect(Tensor(scalar: 4).item == 4 && Tensor(scalar: 4).shape == [])
        #expect(Tensor(zeros: [0, 5]).count == 0)
    }

    @Test func copiesShareStorageUntilCopied() {
        let a = Tensor([1, 2, 3, 4], shape: [2, 2])
        let alias = a
        let independent = a.copy()
        a[0, 0] = 9
        #expect(alias[0, 0] == 9)
        #expect(independent[0, 0] == 1)
        #expect(alias.pointer == a.pointer && independent.pointer != a.pointer)
    }

    @Test func reshapedIsAViewWithTheSameElements() {
        let a = Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        let r = a.reshaped([3, 2])
        #expect(r.shape == [3, 2] && r.scalars == a.scalars && r.pointer == a.pointer)
        #expect(r.rows == 3 && r.columns == 2)
    }

    @Test func aSmallerShapeCanReuseALargerStorage() {
        let storage = TensorStorage(capacity: 100)
        let t = Tensor(shape: [7, 3], storage: storage)
        #expect(t.count == 21 && t.pointer == storage.pointer)
        #expect(Int(bitPattern: storage.pointer) % 64 == 0)
    }

    @Test func assignFillAndItem() {
        let a = Tensor(zeros: [3])
        a.assign(from: Tensor([1, 2, 3], shape: [3]))
        #expect(a.scalars == [1, 2, 3])
        a.fill(-1)
        #expect(a.scalars == [-1, -1, -1])
    }

    @Test func rowsAreViewsOfTheSameMemory() {
        let t = Tensor([1, 2, 3, 4, 5, 6], shape: [3, 2])
        let tail = t.rows(1..<3)
        #expect(tail.shape == [2, 2] && tail.scalars == [3, 4, 5, 6])
        tail[flat: 0] = 9
        #expect(t[flat: 2] == 9)
        #expect(Tensor([1, 2, 3], shape: [3]).rows(2..<3).scalars == [3])
        #expect(t.rows(1..<1).count == 0)
    }

    @Test func descriptionNamesShapeAndLeadingValues() {
        #expect(Tensor([1, 2], shape: [2]).description == "Tensor(shape: [2], [1.0, 2.0])")
    }
}
