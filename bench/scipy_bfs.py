"""The scipy baseline of the benchmark: scipy.sparse.csgraph.breadth_first_order on the very CSR
the engine runs on (written by bench/kernels.ts as raw int32 files). Only the BFS calls are timed;
loading the arrays and building the csr_matrix are not. bench/model-workloads.ts runs it several
times between its own timed blocks, so both sides meet the same load. Prints one JSON line with
every run's times (wallRunsMs, cpuRunsMs); when scipy cannot be imported it prints
{"available": false, ...} and exits 0, so the benchmark can note the skip.

    /usr/bin/python3 bench/scipy_bfs.py INDPTR INDICES SOURCE [RUNS]
"""

import json
import sys
import time


def main() -> None:
    indptr_path, indices_path, source = sys.argv[1], sys.argv[2], int(sys.argv[3])
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 7
    try:
        import numpy as np
        import scipy
        from scipy.sparse import csr_matrix
        from scipy.sparse.csgraph import breadth_first_order
    except ImportError as error:  # pragma: no cover - depends on the machine
        print(json.dumps({"available": False, "reason": str(error)}))
        return

    indptr = np.fromfile(indptr_path, dtype="<i4")
    indices = np.fromfile(indices_path, dtype="<i4")
    n = len(indptr) - 1
    # float64 data and int32 indices are what csgraph validates to: no conversion inside the timed calls.
    graph = csr_matrix((np.ones(len(indices), dtype=np.float64), indices, indptr), shape=(n, n))

    def once(predecessors: bool) -> "tuple[float, float, int]":
        start_cpu = time.process_time()
        start = time.perf_counter()
        result = breadth_first_order(graph, source, directed=True, return_predecessors=predecessors)
        wall = (time.perf_counter() - start) * 1000
        cpu = (time.process_time() - start_cpu) * 1000
        order = result[0] if predecessors else result
        return wall, cpu, len(order)

    def median(values: "list[float]") -> float:
        ordered = sorted(values)
        mid = len(ordered) // 2
        return ordered[mid] if len(ordered) % 2 == 1 else (ordered[mid - 1] + ordered[mid]) / 2

    out = {"available": True, "scipy": scipy.__version__, "numpy": np.__version__, "nodes": n, "edges": len(indices), "runs": runs}
    for label, predecessors in (("withPredecessors", True), ("orderOnly", False)):
        once(predecessors)  # warm-up
        samples = [once(predecessors) for _ in range(runs)]
        out[label] = {
            "wallMs": median([s[0] for s in samples]),
            "minWallMs": min(s[0] for s in samples),
            "cpuMs": median([s[1] for s in samples]),
            "wallRunsMs": [s[0] for s in samples],
            "cpuRunsMs": [s[1] for s in samples],
            "reached": samples[0][2],
        }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
