;; Training's inner loops: gradient histograms, adding up their chunks, and the row partition of a split.
;; Compiled to training.wasm by `npm run build:wasm` (the binary is committed; a test checks
;; it matches this source).
;; constants: ../kernel-layout.ts
;; The size of a (gradient, hessian) pair is a placeholder filled in from its WAT_CONSTANTS.
;;
;; Memory is shared with the JavaScript side and the worker threads, which lay it out:
;;   bins  the training rows' bins, row by row (one byte per feature, or two when a feature
;;         has more than 256 bins)
;;   offs  per feature, the byte offset of its first (gradient, hessian) pair in a histogram
;;   rows  row indexes (i32); a tree node is a range of them
;;   gh    per row, its gradient and hessian side by side (f64, f64)
;;   out   the histogram: per bin a (gradient, hessian) pair of f64
;;   columns  the same bins column by column (two bytes each), for the partition
;;   scratch  room for the rows going right while a node is partitioned
;; A row's pair is loaded once as one 128-bit value and added to each feature's bin with one
;; f64x2 add: half the loads, adds and stores of adding gradient and hessian apart, and no
;; bounds checks (JavaScript typed arrays check every index).
(module
  (memory (import "env" "memory") 1 65536 shared)

  ;; Adds the pairs of rows[start..end) into out, for one-byte bins.
  (func (export "histogram8")
    (param $bins i32) (param $width i32) (param $offs i32) (param $rows i32)
    (param $start i32) (param $end i32) (param $gh i32) (param $out i32)
    (local $i i32) (local $r i32) (local $p i32) (local $pairsEnd i32) (local $o i32)
    (local $v v128) (local $a i32) (local $b i32)
    (local.set $i (local.get $start))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $r (i32.load (i32.add (local.get $rows) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $v (v128.load (i32.add (local.get $gh) (i32.shl (local.get $r) (i32.const {{GH_PAIR.shift}})))))
        (local.set $p (i32.add (local.get $bins) (i32.mul (local.get $r) (local.get $width))))
        ;; Two features per step: two independent read-modify-writes in flight.
        (local.set $pairsEnd (i32.add (local.get $p) (i32.and (local.get $width) (i32.const -2))))
        (local.set $o (local.get $offs))
        (block $featuresDone
          (loop $feature
            (br_if $featuresDone (i32.ge_u (local.get $p) (local.get $pairsEnd)))
            (local.set $a (i32.add (local.get $out) (i32.add (i32.load (local.get $o)) (i32.shl (i32.load8_u (local.get $p)) (i32.const {{GH_PAIR.shift}})))))
            (local.set $b (i32.add (local.get $out) (i32.add (i32.load offset=4 (local.get $o)) (i32.shl (i32.load8_u offset=1 (local.get $p)) (i32.const {{GH_PAIR.shift}})))))
            (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $v)))
            (v128.store (local.get $b) (f64x2.add (v128.load (local.get $b)) (local.get $v)))
            (local.set $p (i32.add (local.get $p) (i32.const 2)))
            (local.set $o (i32.add (local.get $o) (i32.const 8)))
            (br $feature)))
        (if (i32.and (local.get $width) (i32.const 1))
          (then
            (local.set $a (i32.add (local.get $out) (i32.add (i32.load (local.get $o)) (i32.shl (i32.load8_u (local.get $p)) (i32.const {{GH_PAIR.shift}})))))
            (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $v)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $row))))

  ;; The same for two-byte bins (a feature with more than 256 bins: many categories).
  (func (export "histogram16")
    (param $bins i32) (param $width i32) (param $offs i32) (param $rows i32)
    (param $start i32) (param $end i32) (param $gh i32) (param $out i32)
    (local $i i32) (local $r i32) (local $p i32) (local $rowEnd i32) (local $o i32)
    (local $v v128) (local $a i32)
    (local.set $i (local.get $start))
    (block $rowsDone
      (loop $row
        (br_if $rowsDone (i32.ge_u (local.get $i) (local.get $end)))
        (local.set $r (i32.load (i32.add (local.get $rows) (i32.shl (local.get $i) (i32.const 2)))))
        (local.set $v (v128.load (i32.add (local.get $gh) (i32.shl (local.get $r) (i32.const {{GH_PAIR.shift}})))))
        (local.set $p (i32.add (local.get $bins) (i32.shl (i32.mul (local.get $r) (local.get $width)) (i32.const 1))))
        (local.set $rowEnd (i32.add (local.get $p) (i32.shl (local.get $width) (i32.const 1))))
        (local.set $o (local.get $offs))
        (block $featuresDone
          (loop $feature
            (br_if $featuresDone (i32.ge_u (local.get $p) (local.get $rowEnd)))
            (local.set $a (i32.add (local.get $out) (i32.add (i32.load (local.get $o)) (i32.shl (i32.load16_u (local.get $p)) (i32.const {{GH_PAIR.shift}})))))
            (v128.store (local.get $a) (f64x2.add (v128.load (local.get $a)) (local.get $v)))
            (local.set $p (i32.add (local.get $p) (i32.const 2)))
            (local.set $o (i32.add (local.get $o) (i32.const 4)))
            (br $feature)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $row))))

  ;; Adds the partial histograms 1..chunks-1 into partial 0, pair by pair, in chunk order (so the
  ;; sums are the same whatever the threads that built them): one f64x2 add per bin and chunk.
  (func (export "merge")
    (param $partials i32) (param $bytes i32) (param $chunks i32)
    (local $c i32) (local $from i32) (local $to i32) (local $end i32)
    (local.set $c (i32.const 1))
    (block $chunksDone
      (loop $chunk
        (br_if $chunksDone (i32.ge_u (local.get $c) (local.get $chunks)))
        (local.set $to (local.get $partials))
        (local.set $from (i32.add (local.get $partials) (i32.mul (local.get $c) (local.get $bytes))))
        (local.set $end (i32.add (local.get $partials) (local.get $bytes)))
        (block $pairsDone
          (loop $pair
            (br_if $pairsDone (i32.ge_u (local.get $to) (local.get $end)))
            (v128.store (local.get $to) (f64x2.add (v128.load (local.get $to)) (v128.load (local.get $from))))
            (local.set $to (i32.add (local.get $to) (i32.const 16)))
            (local.set $from (i32.add (local.get $from) (i32.const 16)))
            (br $pair)))
        (local.set $c (i32.add (local.get $c) (i32.const 1)))
        (br $chunk))))

  ;; Moves the rows of rows[start..end) going left to the front, keeping order, and returns
  ;; where the right ones begin. A numeric split sends bin b right when
  ;; ((b + shift) & 0xffff) >= threshold (as in scoring); a categorical one (goLeft != 0) sends it
  ;; left when goLeft[b] is 1. Each row is written to both sides and only one side's count
  ;; moves: which way a row goes is a coin toss that a branch would mispredict half the time.
  (func (export "partition")
    (param $column i32) (param $rows i32) (param $start i32) (param $end i32) (param $scratch i32)
    (param $threshold i32) (param $shift i32) (param $goLeft i32) (result i32)
    (local $i i32) (local $p i32) (local $pEnd i32) (local $r i32) (local $b i32) (local $right i32)
    (local $nl i32) (local $nr i32)
    (local.set $p (i32.add (local.get $rows) (i32.shl (local.get $start) (i32.const 2))))
    (local.set $pEnd (i32.add (local.get $rows) (i32.shl (local.get $end) (i32.const 2))))
    (local.set $nl (local.get $p))
    (local.set $nr (local.get $scratch))
    (block $done
      (loop $row
        (br_if $done (i32.ge_u (local.get $p) (local.get $pEnd)))
        (local.set $r (i32.load (local.get $p)))
        (local.set $b (i32.load16_u (i32.add (local.get $column) (i32.shl (local.get $r) (i32.const 1)))))
        (local.set $right
          (if (result i32) (local.get $goLeft)
            (then (i32.xor (i32.load8_u (i32.add (local.get $goLeft) (local.get $b))) (i32.const 1)))
            (else (i32.shr_u (i32.sub (i32.sub (local.get $threshold) (i32.const 1)) (i32.and (i32.add (local.get $b) (local.get $shift)) (i32.const 0xffff))) (i32.const 31)))))
        (i32.store (local.get $nl) (local.get $r))
        (i32.store (local.get $nr) (local.get $r))
        (local.set $nl (i32.add (local.get $nl) (i32.shl (i32.xor (local.get $right) (i32.const 1)) (i32.const 2))))
        (local.set $nr (i32.add (local.get $nr) (i32.shl (local.get $right) (i32.const 2))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $row)))
    (memory.copy (local.get $nl) (local.get $scratch) (i32.sub (local.get $nr) (local.get $scratch)))
    (i32.shr_u (i32.sub (local.get $nl) (local.get $rows)) (i32.const 2)))
)
