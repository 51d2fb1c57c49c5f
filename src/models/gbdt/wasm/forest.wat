;; Scoring: every tree of a model walked by the rows of a block. Compiled to forest.wasm by
;; `npm run build:wasm` (the binary is committed; a test checks it matches this source).
;; constants: ../kernel-layout.ts
;; Record sizes and field offsets are placeholders (a name in double braces) filled in from its
;; WAT_CONSTANTS when this text is compiled; forest.ts and forest-layout.ts write the records
;; with the same definitions.
;;
;; Memory, laid out by forest.ts:
;;   features per feature a FEATURE record: its kind (i32: 0 numeric, 1 already binned), the
;;           address of its bin edges (f64, ascending, the last +infinity) and of its bucket
;;           table (i32), the number of edges (i32), then the first edge, the last finite edge
;;           and the buckets per unit of value (f64; 0 when there is no table)
;;   columns a slice of rows' values, column by column (f64; a categorical feature's bin)
;;   block   per thread, a block of those rows' bins, row by row: a row's bins (u16), then the
;;           same bins minus one modulo 2^16 (so a missing value, bin 0, becomes 65535)
;;   out     per row of the slice, an f64 the trees' outputs are added to
;;   next    the next block of the slice to score: threads take blocks until none is left
;;   nodes, values, roots, depths, masks: the trees, in one of two layouts (below)
;; Rows are binned here, a block at a time, by every thread: bin 0 for a missing value, else
;; the first k with value <= edge k-1, found in the few edges its bucket of the table allows
;; (as binning.ts does; the two must agree).
;;
;; A numeric split sends a row right when x > threshold, where x is its bin if missing values
;; go left and its bin minus one (missing: 65535) if they go right, with the threshold one
;; less: the test is the sign bit of threshold - x. Which way a row goes is as good as random,
;; so no step has a branch: the numeric and categorical tests are both computed and one chosen
;; by select. Four rows walk a tree together, so that the latency of each step's loads overlaps.
;;
;; Perfect layout (every tree as deep as the deepest, a shallower leaf padded with splits that
;; never go right): tree t's node k at nodes + (t * inner + k) * 8, its children at 2k + 1 and
;; 2k + 2, so no child index is stored. A node is an i32 (the byte offset of its bin in a row,
;; the sign bit set for a categorical split) and an i32 threshold, or for a categorical split a
;; 32-bit go-right mask over the feature's bins. Leaf j of tree t: values[t * (inner + 1) + j].
;; General layout (any depth, any number of categories): a node is four i32: the byte offset
;; of its bin; a threshold, or for a categorical split the address of its go-right mask, a
;; byte per bin; 1 for a categorical split; the first of its two children, which sit side by
;; side (a leaf is its own child and never goes right); values per node, roots and depths per
;; tree.
(module
  (memory (import "env" "memory") 1 65536 shared)

  ;; Scores a slice: takes blocks of 256 rows from *next until none is left, bins each block's
  ;; values into a row-by-row block, and walks every tree with them (perfect layout when
  ;; $perfectDepth > 0; rows through all trees rather than trees over all rows when
  ;; $rowsFirst). Any number of threads may call it at once over the same slice, each with its
  ;; own block.
  (func (export "score")
    (param $nodes i32) (param $values i32) (param $roots i32) (param $depths i32) (param $trees i32)
    (param $masks i32) (param $perfectDepth i32) (param $rowsFirst i32) (param $features i32) (param $columns i32) (param $n i32)
    (param $width i32) (param $block i32) (param $out i32) (param $next i32)
    (local $start i32) (local $count i32) (local $c i32) (local $stride i32) (local $acc i32) (local $p i32) (local $a i32)
    (local.set $stride (i32.shl (local.get $width) (i32.const 2)))
    (block $done
      (loop $blocks
        (local.set $start (i32.mul (i32.atomic.rmw.add (local.get $next) (i32.const 1)) (i32.const {{BLOCK_ROWS}})))
        (br_if $done (i32.ge_u (local.get $start) (local.get $n)))
        (local.set $count (select (i32.const {{BLOCK_ROWS}}) (i32.sub (local.get $n) (local.get $start)) (i32.le_u (i32.add (local.get $start) (i32.const {{BLOCK_ROWS}})) (local.get $n))))
        ;; Column c of the slice, rows start..start+count, binned into each row's slots c and
        ;; width + c.
        (local.set $c (i32.const 0))
        (block $binned
          (loop $column
            (br_if $binned (i32.ge_u (local.get $c) (local.get $width)))
            (call $bin
              (i32.add (local.get $features) (i32.mul (local.get $c) (i32.const {{FEATURE.bytes}})))
              (i32.add (local.get $columns) (i32.shl (i32.add (i32.mul (local.get $c) (local.get $n)) (local.get $start)) (i32.const 3)))
              (i32.add (local.get $block) (i32.shl (local.get $c) (i32.const 1)))
              (local.get $stride)
              (local.get $count)
              (i32.shl (local.get $width) (i32.const 1)))
            (local.set $c (i32.add (local.get $c) (i32.const 1)))
            (br $column)))
        (local.set $acc (i32.add (local.get $out) (i32.shl (local.get $start) (i32.const 3))))
        (if (i32.lt_u (local.get $count) (i32.const 4))
          ;; Fewer than four rows (one application): each walks alone, not with copies of itself.
          (then
            (local.set $c (i32.const 0))
            (block $alone
              (loop $row
                (br_if $alone (i32.ge_u (local.get $c) (local.get $count)))
                (local.set $p (i32.add (local.get $block) (i32.mul (local.get $c) (local.get $stride))))
                (local.set $a (i32.add (local.get $acc) (i32.shl (local.get $c) (i32.const 3))))
                (f64.store (local.get $a) (f64.add (f64.load (local.get $a))
                  (if (result f64) (local.get $perfectDepth)
                    (then (call $walkPerfectOne (local.get $nodes) (local.get $values) (local.get $trees) (local.get $perfectDepth) (local.get $p)))
                    (else (call $walkOne (local.get $nodes) (local.get $values) (local.get $roots) (local.get $depths) (local.get $trees) (local.get $masks) (local.get $p))))))
                (local.set $c (i32.add (local.get $c) (i32.const 1)))
                (br $row))))
          (else
        (if (local.get $perfectDepth)
          (then
            (if (local.get $rowsFirst)
              (then (call $walkPerfectRows (local.get $nodes) (local.get $values) (local.get $trees) (local.get $perfectDepth) (local.get $block) (local.get $stride) (local.get $count) (local.get $acc)))
              (else (call $walkPerfect (local.get $nodes) (local.get $values) (local.get $trees) (local.get $perfectDepth) (local.get $block) (local.get $stride) (local.get $count) (local.get $acc)))))
          (else (call $walk (local.get $nodes) (local.get $values) (local.get $roots) (local.get $depths) (local.get $trees) (local.get $masks) (local.get $block) (local.get $stride) (local.get $count) (local.get $acc))))))
        (br $blocks))))

  ;; Bins `count` values of one feature from `from` (f64) into `to`, `stride` bytes apart (u16),
  ;; and (bin - 1) & 0xffff `shifted` bytes after each.
  (func $bin (param $feature i32) (param $from i32) (param $to i32) (param $stride i32) (param $count i32) (param $shifted i32)
    (local $kind i32) (local $edges i32) (local $table i32) (local $last i32)
    (local $first f64) (local $lastFinite f64) (local $scale f64)
    (local $end i32) (local $v f64) (local $k i32) (local $lo i32) (local $hi i32) (local $mid i32) (local $below i32) (local $b i32)
    (local.set $kind (i32.load offset={{FEATURE.kind}} (local.get $feature)))
    (local.set $edges (i32.load offset={{FEATURE.edges}} (local.get $feature)))
    (local.set $table (i32.load offset={{FEATURE.table}} (local.get $feature)))
    (local.set $last (i32.load offset={{FEATURE.edgeCount}} (local.get $feature)))
    (local.set $first (f64.load offset={{FEATURE.firstEdge}} (local.get $feature)))
    (local.set $lastFinite (f64.load offset={{FEATURE.lastFiniteEdge}} (local.get $feature)))
    (local.set $scale (f64.load offset={{FEATURE.bucketsPerUnit}} (local.get $feature)))
    (local.set $end (i32.add (local.get $from) (i32.shl (local.get $count) (i32.const 3))))
    (block $done
      (loop $value
        (br_if $done (i32.ge_u (local.get $from) (local.get $end)))
        (local.set $v (f64.load (local.get $from)))
        (local.set $b
          (if (result i32) (local.get $kind)
            (then (i32.trunc_sat_f64_u (local.get $v)))
            (else
              (if (result i32) (f64.ne (local.get $v) (local.get $v))
                (then (i32.const 0))
                (else
                  (if (result i32) (f64.le (local.get $v) (local.get $first))
                    (then (i32.const 1))
                    (else
                      (if (result i32) (f64.gt (local.get $v) (local.get $lastFinite))
                        (then (local.get $last))
                        (else
                          ;; The value lies between the first and the last finite edge.
                          (if (f64.eq (local.get $scale) (f64.const 0))
                            (then
                              (local.set $lo (i32.const 0))
                              (local.set $hi (i32.sub (local.get $last) (i32.const 1))))
                            (else
                              ;; Rounding can put v one bucket off: search from the bucket
                              ;; before to the one after.
                              (local.set $k (i32.trunc_sat_f64_u (f64.mul (f64.sub (local.get $v) (local.get $first)) (local.get $scale))))
                              (local.set $k (select (local.get $k) (i32.const {{LAST_BUCKET}}) (i32.lt_u (local.get $k) (i32.const {{LAST_BUCKET}}))))
                              (local.set $lo (i32.load (i32.add (local.get $table) (i32.shl (select (i32.sub (local.get $k) (i32.const 1)) (i32.const 0) (local.get $k)) (i32.const 2)))))
                              (local.set $hi (i32.load (i32.add (local.get $table) (i32.shl (i32.add (local.get $k) (i32.const 2)) (i32.const 2)))))))
                          (block $found
                            (loop $search
                              (br_if $found (i32.ge_u (local.get $lo) (local.get $hi)))
                              (local.set $mid (i32.shr_u (i32.add (local.get $lo) (local.get $hi)) (i32.const 1)))
                              ;; Without a branch: which half holds the edge is a coin toss.
                              (local.set $below (f64.le (local.get $v) (f64.load (i32.add (local.get $edges) (i32.shl (local.get $mid) (i32.const 3))))))
                              (local.set $hi (select (local.get $mid) (local.get $hi) (local.get $below)))
                              (local.set $lo (select (local.get $lo) (i32.add (local.get $mid) (i32.const 1)) (local.get $below)))
                              (br $search)))
                          (i32.add (local.get $lo) (i32.const 1)))))))))))
        (i32.store16 (local.get $to) (local.get $b))
        (i32.store16 (i32.add (local.get $to) (local.get $shifted)) (i32.and (i32.sub (local.get $b) (i32.const 1)) (i32.const 0xffff)))
        (local.set $from (i32.add (local.get $from) (i32.const 8)))
        (local.set $to (i32.add (local.get $to) (local.get $stride)))
        (br $value))))

  ;; General layout: adds every tree's output for the rows of a block (`stride` bytes apart) to acc.
  (func $walk
    (param $nodes i32) (param $values i32) (param $roots i32) (param $depths i32) (param $trees i32)
    (param $masks i32) (param $block i32) (param $stride i32) (param $n i32) (param $acc i32)
    (local $t i32) (local $root i32) (local $depth i32) (local $d i32) (local $r i32) (local $a i32)
    (local $o i32) (local $b i32) (local $thr i32) (local $cat i32)
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
                (local.set $o (i32.add (local.get $nodes) (i32.shl (local.get $k0) (i32.const {{GENERAL_NODE.shift}}))))
                (local.set $b (i32.load16_u (i32.add (local.get $p0) (i32.load offset={{GENERAL_NODE.test}} (local.get $o)))))
                (local.set $thr (i32.load offset={{GENERAL_NODE.threshold}} (local.get $o)))
                (local.set $cat (i32.load offset={{GENERAL_NODE.categorical}} (local.get $o)))
                (local.set $k0 (i32.add (i32.load offset={{GENERAL_NODE.left}} (local.get $o))
                  (select
                    (i32.load8_u (select (i32.add (local.get $thr) (local.get $b)) (local.get $masks) (local.get $cat)))
                    (i32.shr_u (i32.sub (local.get $thr) (local.get $b)) (i32.const 31))
                    (local.get $cat))))
                ;; row 1
                (local.set $o (i32.add (local.get $nodes) (i32.shl (local.get $k1) (i32.const {{GENERAL_NODE.shift}}))))
                (local.set $b (i32.load16_u (i32.add (local.get $p1) (i32.load offset={{GENERAL_NODE.test}} (local.get $o)))))
                (local.set $thr (i32.load offset={{GENERAL_NODE.threshold}} (local.get $o)))
                (local.set $cat (i32.load offset={{GENERAL_NODE.categorical}} (local.get $o)))
                (local.set $k1 (i32.add (i32.load offset={{GENERAL_NODE.left}} (local.get $o))
                  (select
                    (i32.load8_u (select (i32.add (local.get $thr) (local.get $b)) (local.get $masks) (local.get $cat)))
                    (i32.shr_u (i32.sub (local.get $thr) (local.get $b)) (i32.const 31))
                    (local.get $cat))))
                ;; row 2
                (local.set $o (i32.add (local.get $nodes) (i32.shl (local.get $k2) (i32.const {{GENERAL_NODE.shift}}))))
                (local.set $b (i32.load16_u (i32.add (local.get $p2) (i32.load offset={{GENERAL_NODE.test}} (local.get $o)))))
                (local.set $thr (i32.load offset={{GENERAL_NODE.threshold}} (local.get $o)))
                (local.set $cat (i32.load offset={{GENERAL_NODE.categorical}} (local.get $o)))
                (local.set $k2 (i32.add (i32.load offset={{GENERAL_NODE.left}} (local.get $o))
                  (select
                    (i32.load8_u (select (i32.add (local.get $thr) (local.get $b)) (local.get $masks) (local.get $cat)))
                    (i32.shr_u (i32.sub (local.get $thr) (local.get $b)) (i32.const 31))
                    (local.get $cat))))
                ;; row 3
                (local.set $o (i32.add (local.get $nodes) (i32.shl (local.get $k3) (i32.const {{GENERAL_NODE.shift}}))))
                (local.set $b (i32.load16_u (i32.add (local.get $p3) (i32.load offset={{GENERAL_NODE.test}} (local.get $o)))))
                (local.set $thr (i32.load offset={{GENERAL_NODE.threshold}} (local.get $o)))
                (local.set $cat (i32.load offset={{GENERAL_NODE.categorical}} (local.get $o)))
                (local.set $k3 (i32.add (i32.load offset={{GENERAL_NODE.left}} (local.get $o))
                  (select
                    (i32.load8_u (select (i32.add (local.get $thr) (local.get $b)) (local.get $masks) (local.get $cat)))
                    (i32.shr_u (i32.sub (local.get $thr) (local.get $b)) (i32.const 31))
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

  ;; Perfect layout: adds every tree's output for the rows of a block (`stride` bytes apart) to acc.
  (func $walkPerfect
    (param $nodes i32) (param $values i32) (param $trees i32) (param $depth i32)
    (param $block i32) (param $stride i32) (param $n i32) (param $acc i32)
    (local $inner i32) (local $t i32) (local $tree i32) (local $leaves i32) (local $d i32) (local $r i32) (local $a i32)
    (local $w i64) (local $at i32) (local $b i32) (local $thr i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32)
    (local $k0 i32) (local $k1 i32) (local $k2 i32) (local $k3 i32)
    (local.set $inner (i32.sub (i32.shl (i32.const 1) (local.get $depth)) (i32.const 1)))
    (block $treesDone
      (loop $treeLoop
        (br_if $treesDone (i32.ge_u (local.get $t) (local.get $trees)))
        (local.set $tree (i32.add (local.get $nodes) (i32.shl (i32.mul (local.get $t) (local.get $inner)) (i32.const {{PERFECT_NODE.shift}}))))
        ;; Leaf k - inner of this tree: its values start inner entries early.
        (local.set $leaves (i32.sub (i32.add (local.get $values) (i32.shl (i32.mul (local.get $t) (i32.add (local.get $inner) (i32.const 1))) (i32.const 3)))
          (i32.shl (local.get $inner) (i32.const 3))))
        (local.set $r (i32.const 0))
        ;; Four rows at a time; past the last row, the missing rows of a four walk row r again.
        (block $rowsDone
          (loop $rows
            (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $n)))
            (local.set $p0 (i32.add (local.get $block) (i32.mul (local.get $r) (local.get $stride))))
            (local.set $p1 (select (i32.add (local.get $p0) (local.get $stride)) (local.get $p0) (i32.lt_u (i32.add (local.get $r) (i32.const 1)) (local.get $n))))
            (local.set $p2 (select (i32.add (local.get $p0) (i32.shl (local.get $stride) (i32.const 1))) (local.get $p0) (i32.lt_u (i32.add (local.get $r) (i32.const 2)) (local.get $n))))
            (local.set $p3 (select (i32.add (local.get $p0) (i32.mul (local.get $stride) (i32.const 3))) (local.get $p0) (i32.lt_u (i32.add (local.get $r) (i32.const 3)) (local.get $n))))
            (local.set $k0 (i32.const 0))
            (local.set $k1 (i32.const 0))
            (local.set $k2 (i32.const 0))
            (local.set $k3 (i32.const 0))
            (local.set $d (local.get $depth))
            (block $walked
              (loop $step
                (br_if $walked (i32.eqz (local.get $d)))
                ;; row 0
                (local.set $w (i64.load (i32.add (local.get $tree) (i32.shl (local.get $k0) (i32.const {{PERFECT_NODE.shift}})))))
                (local.set $at (i32.wrap_i64 (local.get $w)))
                (local.set $thr (i32.wrap_i64 (i64.shr_u (local.get $w) (i64.const 32))))
                (local.set $b (i32.load16_u (i32.add (local.get $p0) (i32.and (local.get $at) (i32.const 0x7fffffff)))))
                (local.set $k0 (i32.add (i32.add (i32.shl (local.get $k0) (i32.const 1)) (i32.const 1))
                  (select
                    (i32.and (i32.shr_u (local.get $thr) (local.get $b)) (i32.const 1))
                    (i32.shr_u (i32.sub (local.get $thr) (local.get $b)) (i32.const 31))
                    (i32.lt_s (local.get $at) (i32.const 0)))))
                ;; row 1
                (local.set $w (i64.load (i32.add (local.get $tree) (i32.shl (local.get $k1) (i32.const {{PERFECT_NODE.shift}})))))
                (local.set $at (i32.wrap_i64 (local.get $w)))
                (local.set $thr (i32.wrap_i64 (i64.shr_u (local.get $w) (i64.const 32))))
                (local.set $b (i32.load16_u (i32.add (local.get $p1) (i32.and (local.get $at) (i32.const 0x7fffffff)))))
                (local.set $k1 (i32.add (i32.add (i32.shl (local.get $k1) (i32.const 1)) (i32.const 1))
                  (select
                    (i32.and (i32.shr_u (local.get $thr) (local.get $b)) (i32.const 1))
                    (i32.shr_u (i32.sub (local.get $thr) (local.get $b)) (i32.const 31))
                    (i32.lt_s (local.get $at) (i32.const 0)))))
                ;; row 2
                (local.set $w (i64.load (i32.add (local.get $tree) (i32.shl (local.get $k2) (i32.const {{PERFECT_NODE.shift}})))))
                (local.set $at (i32.wrap_i64 (local.get $w)))
                (local.set $thr (i32.wrap_i64 (i64.shr_u (local.get $w) (i64.const 32))))
                (local.set $b (i32.load16_u (i32.add (local.get $p2) (i32.and (local.get $at) (i32.const 0x7fffffff)))))
                (local.set $k2 (i32.add (i32.add (i32.shl (local.get $k2) (i32.const 1)) (i32.const 1))
                  (select
                    (i32.and (i32.shr_u (local.get $thr) (local.get $b)) (i32.const 1))
                    (i32.shr_u (i32.sub (local.get $thr) (local.get $b)) (i32.const 31))
                    (i32.lt_s (local.get $at) (i32.const 0)))))
                ;; row 3
                (local.set $w (i64.load (i32.add (local.get $tree) (i32.shl (local.get $k3) (i32.const {{PERFECT_NODE.shift}})))))
                (local.set $at (i32.wrap_i64 (local.get $w)))
                (local.set $thr (i32.wrap_i64 (i64.shr_u (local.get $w) (i64.const 32))))
                (local.set $b (i32.load16_u (i32.add (local.get $p3) (i32.and (local.get $at) (i32.const 0x7fffffff)))))
                (local.set $k3 (i32.add (i32.add (i32.shl (local.get $k3) (i32.const 1)) (i32.const 1))
                  (select
                    (i32.and (i32.shr_u (local.get $thr) (local.get $b)) (i32.const 1))
                    (i32.shr_u (i32.sub (local.get $thr) (local.get $b)) (i32.const 31))
                    (i32.lt_s (local.get $at) (i32.const 0)))))
                (local.set $d (i32.sub (local.get $d) (i32.const 1)))
                (br $step)))
            (local.set $a (i32.add (local.get $acc) (i32.shl (local.get $r) (i32.const 3))))
            (f64.store (local.get $a) (f64.add (f64.load (local.get $a)) (f64.load (i32.add (local.get $leaves) (i32.shl (local.get $k0) (i32.const 3))))))
            (if (i32.lt_u (i32.add (local.get $r) (i32.const 1)) (local.get $n))
              (then (f64.store offset=8 (local.get $a) (f64.add (f64.load offset=8 (local.get $a)) (f64.load (i32.add (local.get $leaves) (i32.shl (local.get $k1) (i32.const 3))))))))
            (if (i32.lt_u (i32.add (local.get $r) (i32.const 2)) (local.get $n))
              (then (f64.store offset=16 (local.get $a) (f64.add (f64.load offset=16 (local.get $a)) (f64.load (i32.add (local.get $leaves) (i32.shl (local.get $k2) (i32.const 3))))))))
            (if (i32.lt_u (i32.add (local.get $r) (i32.const 3)) (local.get $n))
              (then (f64.store offset=24 (local.get $a) (f64.add (f64.load offset=24 (local.get $a)) (f64.load (i32.add (local.get $leaves) (i32.shl (local.get $k3) (i32.const 3))))))))
            (local.set $r (i32.add (local.get $r) (i32.const 4)))
            (br $rows)))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $treeLoop))))

  ;; Perfect layout, for a model small enough to stay in the first-level cache: four rows at a
  ;; time go through every tree, their sums kept in locals rather than in memory.
  (func $walkPerfectRows
    (param $nodes i32) (param $values i32) (param $trees i32) (param $depth i32)
    (param $block i32) (param $stride i32) (param $n i32) (param $acc i32)
    (local $inner i32) (local $t i32) (local $tree i32) (local $leaves i32) (local $d i32) (local $r i32) (local $a i32)
    (local $w i64) (local $at i32) (local $b i32) (local $thr i32)
    (local $p0 i32) (local $p1 i32) (local $p2 i32) (local $p3 i32)
    (local $k0 i32) (local $k1 i32) (local $k2 i32) (local $k3 i32)
    (local $s0 f64) (local $s1 f64) (local $s2 f64) (local $s3 f64)
    (local.set $inner (i32.sub (i32.shl (i32.const 1) (local.get $depth)) (i32.const 1)))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $r) (local.get $n)))
        (local.set $p0 (i32.add (local.get $block) (i32.mul (local.get $r) (local.get $stride))))
        (local.set $p1 (select (i32.add (local.get $p0) (local.get $stride)) (local.get $p0) (i32.lt_u (i32.add (local.get $r) (i32.const 1)) (local.get $n))))
        (local.set $p2 (select (i32.add (local.get $p0) (i32.shl (local.get $stride) (i32.const 1))) (local.get $p0) (i32.lt_u (i32.add (local.get $r) (i32.const 2)) (local.get $n))))
        (local.set $p3 (select (i32.add (local.get $p0) (i32.mul (local.get $stride) (i32.const 3))) (local.get $p0) (i32.lt_u (i32.add (local.get $r) (i32.const 3)) (local.get $n))))
        (local.set $s0 (f64.const 0))
        (local.set $s1 (f64.const 0))
        (local.set $s2 (f64.const 0))
        (local.set $s3 (f64.const 0))
        (local.set $tree (local.get $nodes))
        ;; Leaf k - inner of a tree: its values start inner entries early.
        (local.set $leaves (i32.sub (local.get $values) (i32.shl (local.get $inner) (i32.const 3))))
        (local.set $t (i32.const 0))
        (block $treesDone
          (loop $treeLoop
            (br_if $treesDone (i32.ge_u (local.get $t) (local.get $trees)))
            (local.set $k0 (i32.const 0))
            (local.set $k1 (i32.const 0))
            (local.set $k2 (i32.const 0))
            (local.set $k3 (i32.const 0))
            (local.set $d (local.get $depth))
            (block $walked
              (loop $step
                (br_if $walked (i32.eqz (local.get $d)))
                ;; row 0
                (local.set $w (i64.load (i32.add (local.get $tree) (i32.shl (local.get $k0) (i32.const {{PERFECT_NODE.shift}})))))
                (local.set $at (i32.wrap_i64 (local.get $w)))
                (local.set $thr (i32.wrap_i64 (i64.shr_u (local.get $w) (i64.const 32))))
                (local.set $b (i32.load16_u (i32.add (local.get $p0) (i32.and (local.get $at) (i32.const 0x7fffffff)))))
                (local.set $k0 (i32.add (i32.add (i32.shl (local.get $k0) (i32.const 1)) (i32.const 1))
                  (select
                    (i32.and (i32.shr_u (local.get $thr) (local.get $b)) (i32.const 1))
                    (i32.shr_u (i32.sub (local.get $thr) (local.get $b)) (i32.const 31))
                    (i32.lt_s (local.get $at) (i32.const 0)))))
                ;; row 1
                (local.set $w (i64.load (i32.add (local.get $tree) (i32.shl (local.get $k1) (i32.const {{PERFECT_NODE.shift}})))))
                (local.set $at (i32.wrap_i64 (local.get $w)))
                (local.set $thr (i32.wrap_i64 (i64.shr_u (local.get $w) (i64.const 32))))
                (local.set $b (i32.load16_u (i32.add (local.get $p1) (i32.and (local.get $at) (i32.const 0x7fffffff)))))
                (local.set $k1 (i32.add (i32.add (i32.shl (local.get $k1) (i32.const 1)) (i32.const 1))
                  (select
                    (i32.and (i32.shr_u (local.get $thr) (local.get $b)) (i32.const 1))
                    (i32.shr_u (i32.sub (local.get $thr) (local.get $b)) (i32.const 31))
                    (i32.lt_s (local.get $at) (i32.const 0)))))
                ;; row 2
                (local.set $w (i64.load (i32.add (local.get $tree) (i32.shl (local.get $k2) (i32.const {{PERFECT_NODE.shift}})))))
                (local.set $at (i32.wrap_i64 (local.get $w)))
                (local.set $thr (i32.wrap_i64 (i64.shr_u (local.get $w) (i64.const 32))))
                (local.set $b (i32.load16_u (i32.add (local.get $p2) (i32.and (local.get $at) (i32.const 0x7fffffff)))))
                (local.set $k2 (i32.add (i32.add (i32.shl (local.get $k2) (i32.const 1)) (i32.const 1))
                  (select
                    (i32.and (i32.shr_u (local.get $thr) (local.get $b)) (i32.const 1))
                    (i32.shr_u (i32.sub (local.get $thr) (local.get $b)) (i32.const 31))
                    (i32.lt_s (local.get $at) (i32.const 0)))))
                ;; row 3
                (local.set $w (i64.load (i32.add (local.get $tree) (i32.shl (local.get $k3) (i32.const {{PERFECT_NODE.shift}})))))
                (local.set $at (i32.wrap_i64 (local.get $w)))
                (local.set $thr (i32.wrap_i64 (i64.shr_u (local.get $w) (i64.const 32))))
                (local.set $b (i32.load16_u (i32.add (local.get $p3) (i32.and (local.get $at) (i32.const 0x7fffffff)))))
                (local.set $k3 (i32.add (i32.add (i32.shl (local.get $k3) (i32.const 1)) (i32.const 1))
                  (select
                    (i32.and (i32.shr_u (local.get $thr) (local.get $b)) (i32.const 1))
                    (i32.shr_u (i32.sub (local.get $thr) (local.get $b)) (i32.const 31))
                    (i32.lt_s (local.get $at) (i32.const 0)))))
                (local.set $d (i32.sub (local.get $d) (i32.const 1)))
                (br $step)))
            (local.set $s0 (f64.add (local.get $s0) (f64.load (i32.add (local.get $leaves) (i32.shl (local.get $k0) (i32.const 3))))))
            (local.set $s1 (f64.add (local.get $s1) (f64.load (i32.add (local.get $leaves) (i32.shl (local.get $k1) (i32.const 3))))))
            (local.set $s2 (f64.add (local.get $s2) (f64.load (i32.add (local.get $leaves) (i32.shl (local.get $k2) (i32.const 3))))))
            (local.set $s3 (f64.add (local.get $s3) (f64.load (i32.add (local.get $leaves) (i32.shl (local.get $k3) (i32.const 3))))))
            (local.set $tree (i32.add (local.get $tree) (i32.shl (local.get $inner) (i32.const {{PERFECT_NODE.shift}}))))
            (local.set $leaves (i32.add (local.get $leaves) (i32.shl (i32.add (local.get $inner) (i32.const 1)) (i32.const 3))))
            (local.set $t (i32.add (local.get $t) (i32.const 1)))
            (br $treeLoop)))
        (local.set $a (i32.add (local.get $acc) (i32.shl (local.get $r) (i32.const 3))))
            (f64.store (local.get $a) (f64.add (f64.load (local.get $a)) (local.get $s0)))
            (if (i32.lt_u (i32.add (local.get $r) (i32.const 1)) (local.get $n))
              (then (f64.store offset=8 (local.get $a) (f64.add (f64.load offset=8 (local.get $a)) (local.get $s1)))))
            (if (i32.lt_u (i32.add (local.get $r) (i32.const 2)) (local.get $n))
              (then (f64.store offset=16 (local.get $a) (f64.add (f64.load offset=16 (local.get $a)) (local.get $s2)))))
            (if (i32.lt_u (i32.add (local.get $r) (i32.const 3)) (local.get $n))
              (then (f64.store offset=24 (local.get $a) (f64.add (f64.load offset=24 (local.get $a)) (local.get $s3)))))
        (local.set $r (i32.add (local.get $r) (i32.const 4)))
        (br $rows))))

  ;; Perfect layout, one row: every tree's output for the row whose bins are at $p.
  (func $walkPerfectOne
    (param $nodes i32) (param $values i32) (param $trees i32) (param $depth i32) (param $p i32) (result f64)
    (local $inner i32) (local $t i32) (local $tree i32) (local $leaves i32) (local $d i32) (local $k i32)
    (local $w i64) (local $at i32) (local $b i32) (local $thr i32) (local $sum f64)
    (local.set $inner (i32.sub (i32.shl (i32.const 1) (local.get $depth)) (i32.const 1)))
    (local.set $tree (local.get $nodes))
    (local.set $leaves (i32.sub (local.get $values) (i32.shl (local.get $inner) (i32.const 3))))
    (block $treesDone
      (loop $treeLoop
        (br_if $treesDone (i32.ge_u (local.get $t) (local.get $trees)))
        (local.set $k (i32.const 0))
        (local.set $d (local.get $depth))
        (block $walked
          (loop $step
            (br_if $walked (i32.eqz (local.get $d)))
            (local.set $w (i64.load (i32.add (local.get $tree) (i32.shl (local.get $k) (i32.const {{PERFECT_NODE.shift}})))))
            (local.set $at (i32.wrap_i64 (local.get $w)))
            (local.set $thr (i32.wrap_i64 (i64.shr_u (local.get $w) (i64.const 32))))
            (local.set $b (i32.load16_u (i32.add (local.get $p) (i32.and (local.get $at) (i32.const 0x7fffffff)))))
            (local.set $k (i32.add (i32.add (i32.shl (local.get $k) (i32.const 1)) (i32.const 1))
              (select
                (i32.and (i32.shr_u (local.get $thr) (local.get $b)) (i32.const 1))
                (i32.shr_u (i32.sub (local.get $thr) (local.get $b)) (i32.const 31))
                (i32.lt_s (local.get $at) (i32.const 0)))))
            (local.set $d (i32.sub (local.get $d) (i32.const 1)))
            (br $step)))
        (local.set $sum (f64.add (local.get $sum) (f64.load (i32.add (local.get $leaves) (i32.shl (local.get $k) (i32.const 3))))))
        (local.set $tree (i32.add (local.get $tree) (i32.shl (local.get $inner) (i32.const {{PERFECT_NODE.shift}}))))
        (local.set $leaves (i32.add (local.get $leaves) (i32.shl (i32.add (local.get $inner) (i32.const 1)) (i32.const 3))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $treeLoop)))
    (local.get $sum))

  ;; General layout, one row: every tree's output for the row whose bins are at $p.
  (func $walkOne
    (param $nodes i32) (param $values i32) (param $roots i32) (param $depths i32) (param $trees i32)
    (param $masks i32) (param $p i32) (result f64)
    (local $t i32) (local $d i32) (local $k i32) (local $o i32) (local $b i32) (local $thr i32) (local $cat i32) (local $sum f64)
    (block $treesDone
      (loop $tree
        (br_if $treesDone (i32.ge_u (local.get $t) (local.get $trees)))
        (local.set $k (i32.load (i32.add (local.get $roots) (i32.shl (local.get $t) (i32.const 2)))))
        (local.set $d (i32.load (i32.add (local.get $depths) (i32.shl (local.get $t) (i32.const 2)))))
        (block $walked
          (loop $step
            (br_if $walked (i32.eqz (local.get $d)))
            (local.set $o (i32.add (local.get $nodes) (i32.shl (local.get $k) (i32.const {{GENERAL_NODE.shift}}))))
            (local.set $b (i32.load16_u (i32.add (local.get $p) (i32.load offset={{GENERAL_NODE.test}} (local.get $o)))))
            (local.set $thr (i32.load offset={{GENERAL_NODE.threshold}} (local.get $o)))
            (local.set $cat (i32.load offset={{GENERAL_NODE.categorical}} (local.get $o)))
            (local.set $k (i32.add (i32.load offset={{GENERAL_NODE.left}} (local.get $o))
              (select
                (i32.load8_u (select (i32.add (local.get $thr) (local.get $b)) (local.get $masks) (local.get $cat)))
                (i32.shr_u (i32.sub (local.get $thr) (local.get $b)) (i32.const 31))
                (local.get $cat))))
            (local.set $d (i32.sub (local.get $d) (i32.const 1)))
            (br $step)))
        (local.set $sum (f64.add (local.get $sum) (f64.load (i32.add (local.get $values) (i32.shl (local.get $k) (i32.const 3))))))
        (local.set $t (i32.add (local.get $t) (i32.const 1)))
        (br $tree)))
    (local.get $sum))

)
