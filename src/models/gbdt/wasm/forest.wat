;; Scoring: every tree of a model walked by the rows of a block. Compiled to forest.wasm by
;; `npm run build:wasm` (the binary is committed; a test checks it matches this source).
;;
;; Memory, laid out by forest.ts:
;;   nodes   per node four i32: the byte offset of its feature in a row of the block; a
;;           threshold; a shift (-1 for a categorical split); the first of its two children,
;;           which sit side by side (a leaf is its own child and never goes right)
;;   values  per node an f64 (a leaf's output)
;;   roots, depths  per tree, its root node and how many steps a walk takes
;;   masks   per categorical split a byte per bin of its feature, 1 going right; the
;;           threshold of such a split is its mask's address
;;   columns a slice of rows' bins, column by column, two bytes each
;;   block   per thread, a block of those rows' bins gathered row by row
;;   out     per row of the slice, an f64 the trees' outputs are added to
;;   next    the next block of the slice to score: threads take blocks until none is left
;; A numeric split sends bin b right when ((b + shift) & 0xffff) >= threshold; that test is a
;; sign bit, and a categorical split's is a load, chosen by select: no branches, since which
;; way a row goes is as good as random. Four rows walk a tree together, so that the latency of
;; each step's loads overlaps.
(module
  (memory (import "env" "memory") 1 65536 shared)

  ;; Scores a slice: takes blocks of 256 rows from *next until none is left, gathers each
  ;; block's bins row by row, and walks every tree with them. Any number of threads may call it
  ;; at once over the same slice, each with its own block.
  (func (export "score")
    (param $nodes i32) (param $values i32) (param $roots i32) (param $depths i32) (param $trees i32)
    (param $masks i32) (param $columns i32) (param $n i32) (param $width i32) (param $block i32)
    (param $out i32) (param $next i32)
    (local $start i32) (local $count i32) (local $c i32) (local $r i32) (local $from i32) (local $to i32)
    (block $done
      (loop $blocks
        (local.set $start (i32.mul (i32.atomic.rmw.add (local.get $next) (i32.const 1)) (i32.const 256)))
        (br_if $done (i32.ge_u (local.get $start) (local.get $n)))
        (local.set $count (select (i32.const 256) (i32.sub (local.get $n) (local.get $start)) (i32.le_u (i32.add (local.get $start) (i32.const 256)) (local.get $n))))
        ;; Gather: column c of the slice, rows start..start+count, into every row's slot c.
        (local.set $c (i32.const 0))
        (block $gathered
          (loop $column
            (br_if $gathered (i32.ge_u (local.get $c) (local.get $width)))
            (local.set $from (i32.add (local.get $columns) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $n)) (local.get $start)) (i32.const 1))))
            (local.set $to (i32.add (local.get $block) (i32.shl (local.get $c) (i32.const 1))))
            (local.set $r (i32.const 0))
            (block $rowsDone
              (loop $row
                (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $count)))
                (i32.store16 (local.get $to) (i32.load16_u (i32.add (local.get $from) (i32.shl (local.get $r) (i32.const 1)))))
                (local.set $to (i32.add (local.get $to) (i32.shl (local.get $width) (i32.const 1))))
                (local.set $r (i32.add (local.get $r) (i32.const 1)))
                (br $row)))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $column)))
        (call $walk (local.get $nodes) (local.get $values) (local.get $roots) (local.get $depths) (local.get $trees) (local.get $masks)
          (local.get $block) (i32.shl (local.get $width) (i32.const 1)) (local.get $count) (i32.add (local.get $out) (i32.shl (local.get $start) (i32.const 3))))
        (br $blocks))))

  ;; Adds every tree's output for rows of a block (row-major bins, `stride` bytes apart) to acc.
  (func $walk
    (param $nodes i32) (param $values i32) (param $roots i32) (param $depths i32) (param $trees i32)
    (param $masks i32) (param $block i32) (param $stride i32) (param $n i32) (param $acc i32)
    (local $t i32) (local $root i32) (local $depth i32) (local $d i32) (local $r i32) (local $a i32)
    (local $o i32) (local $b i32) (local $thr i32) (local $shift i32) (local $cat i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32)
    (local $k0 i32) (local $k1 i32) (local $k2 i32) (local $k3 i32)
    (block $treesDone
      (loop $tree
        (br_if $treesDone (i32.ge_u (local.get $t) (local.get $trees)))
        (local.set $root (i32.load (i32.add (local.get $roots) (i32.shl (local.get $t) (i32.const 2)))))
        (local.set $depth (i32.load (i32.add (local.get $depths) (i32.shl (local.get $t) (i32.const 2)))))
        (local.set $r (i32.const 0))
        ;; Four rows at a time; past the last row, the missing rows of a four walk row r again.
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $n)))
            (local.set $p0 (i32.add (local.get $block) (i32.mul (local.get $r) (local.get $stride))))
            (local.set $p1 (select (i32.add (local.get $p0) (local.get $stride)) (local.get $p0) (i32.lt_u (i32.add (local.get $r) (i32.const 1)) (local.get $n))))
            (local.set $p2 (select (i32.add (local.get $p0) (i32.shl (local.get $stride) (i32.const 1))) (local.get $p0) (i32.lt_u (i32.add (local.get $r) (i32.const 2)) (local.get $n))))
            (local.set $p3 (select (i32.add (local.get $p0) (i32.mul (local.get $stride) (i32.const 3))) (local.get $p0) (i32.lt_u (i32.add (local.get $r) (i32.const 3)) (local.get $n))))
            (local.set $k0 (local.get $root))
            (local.set $k1 (local.get $root))
            (local.set $k2 (local.get $root))
            (local.set $k3 (local.get $root))
            (local.set $d (local.get $depth))
            (block $walked
              (loop $step
                (br_if $walked (i32.eqz (local.get $d)))
            ;; row 0
            (local.set $o (i32.add (local.get $nodes) (i32.shl (local.get $k0) (i32.const 4))))
            (local.set $b (i32.load16_u (i32.add (local.get $p0) (i32.load (local.get $o)))))
            (local.set $thr (i32.load offset=4 (local.get $o)))
            (local.set $shift (i32.load offset=8 (local.get $o)))
            (local.set $cat (i32.eq (local.get $shift) (i32.const -1)))
            (local.set $k0 (i32.add (i32.load offset=12 (local.get $o))
              (select
                (i32.load8_u (select (i32.add (local.get $thr) (local.get $b)) (local.get $masks) (local.get $cat)))
                (i32.shr_u (i32.sub (i32.sub (local.get $thr) (i32.const 1)) (i32.and (i32.add (local.get $b) (local.get $shift)) (i32.const 0xffff))) (i32.const 31))
                (local.get $cat))))
            ;; row 1
            (local.set $o (i32.add (local.get $nodes) (i32.shl (local.get $k1) (i32.const 4))))
            (local.set $b (i32.load16_u (i32.add (local.get $p1) (i32.load (local.get $o)))))
            (local.set $thr (i32.load offset=4 (local.get $o)))
            (local.set $shift (i32.load offset=8 (local.get $o)))
            (local.set $cat (i32.eq (local.get $shift) (i32.const -1)))
            (local.set $k1 (i32.add (i32.load offset=12 (local.get $o))
              (select
                (i32.load8_u (select (i32.add (local.get $thr) (local.get $b)) (local.get $masks) (local.get $cat)))
                (i32.shr_u (i32.sub (i32.sub (local.get $thr) (i32.const 1)) (i32.and (i32.add (local.get $b) (local.get $shift)) (i32.const 0xffff))) (i32.const 31))
                (local.get $cat))))
            ;; row 2
            (local.set $o (i32.add (local.get $nodes) (i32.shl (local.get $k2) (i32.const 4))))
            (local.set $b (i32.load16_u (i32.add (local.get $p2) (i32.load (local.get $o)))))
            (local.set $thr (i32.load offset=4 (local.get $o)))
            (local.set $shift (i32.load offset=8 (local.get $o)))
            (local.set $cat (i32.eq (local.get $shift) (i32.const -1)))
            (local.set $k2 (i32.add (i32.load offset=12 (local.get $o))
              (select
                (i32.load8_u (select (i32.add (local.get $thr) (local.get $b)) (local.get $masks) (local.get $cat)))
                (i32.shr_u (i32.sub (i32.sub (local.get $thr) (i32.const 1)) (i32.and (i32.add (local.get $b) (local.get $shift)) (i32.const 0xffff))) (i32.const 31))
                (local.get $cat))))
            ;; row 3
            (local.set $o (i32.add (local.get $nodes) (i32.shl (local.get $k3) (i32.const 4))))
            (local.set $b (i32.load16_u (i32.add (local.get $p3) (i32.load (local.get $o)))))
            (local.set $thr (i32.load offset=4 (local.get $o)))
            (local.set $shift (i32.load offset=8 (local.get $o)))
            (local.set $cat (i32.eq (local.get $shift) (i32.const -1)))
            (local.set $k3 (i32.add (i32.load offset=12 (local.get $o))
              (select
                (i32.load8_u (select (i32.add (local.get $thr) (local.get $b)) (local.get $masks) (local.get $cat)))
                (i32.shr_u (i32.sub (i32.sub (local.get $thr) (i32.const 1)) (i32.and (i32.add (local.get $b) (local.get $shift)) (i32.const 0xffff))) (i32.const 31))
                (local.get $cat))))
                (local.set $d (i32.sub (local.get $d) (i32.const 1)))
                (br $step)))
            (local.set $a (i32.add (local.get $acc) (i32.shl (local.get $r) (i32.const 3))))
            (f64.store (local.get $a) (f64.add (f64.load (local.get $a)) (f64.load (i32.add (local.get $values) (i32.shl (local.get $k0) (i32.const 3))))))
            (if (i32.lt_u (i32.add (local.get $r) (i32.const 1)) (local.get $n))
              (then (f64.store offset=8 (local.get $a) (f64.add (f64.load offset=8 (local.get $a)) (f64.load (i32.add (local.get $values) (i32.shl (local.get $k1) (i32.const 3))))))))
            (if (i32.lt_u (i32.add (local.get $r) (i32.const 2)) (local.get $n))
              (then (f64.store offset=16 (local.get $a) (f64.add (f64.load offset=16 (local.get $a)) (f64.load (i32.add (local.get $values) (i32.shl (local.get $k2) (i32.const 3))))))))
            (if (i32.lt_u (i32.add (local.get $r) (i32.const 3)) (local.get $n))
              (then (f64.store offset=24 (local.get $a) (f64.add (f64.load offset=24 (local.get $a)) (f64.load (i32.add (local.get $values) (i32.shl (local.get $k3) (i32.const 3))))))))
            (local.set $r (i32.add (local.get $r) (i32.const 4)))
            (br $rows)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $tree))))
)
