"""Small real Argos packages for tests and benchmarks, built here since none can be downloaded.

A package is what Argos ships: ``metadata.json``, a SentencePiece model, and a CTranslate2
Transformer in ``model/``, zipped as ``.argosmodel``. The Transformer has seeded random weights
with a copy circuit planted in them: position codes in some embedding dimensions, one
cross-attention layer whose heads attend to the source position equal to the decoder's and carry
that token's identity, and ``add_source_eos`` so that copying ``</s>`` ends decoding. Such a model
reproduces its input exactly (after the target prefix, for multilingual packages), so tests can
assert exact drafts; every other weight is small random noise, so it is a real model run through
the real code.
"""

import io
import json
import zipfile
from pathlib import Path

import numpy as np
import sentencepiece as spm
from ctranslate2.specs import TransformerSpec

POSITIONS = 512


def train_tokenizer(texts: list[str], vocab_size: int = 600, symbols: tuple[str, ...] = ()) -> bytes:
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(sentence_iterator=iter(texts), model_writer=model, vocab_size=vocab_size,
                                   hard_vocab_limit=False, character_coverage=1.0, model_type="unigram",
                                   user_defined_symbols=list(symbols), minloglevel=2)
    return model.getvalue()


def _vocabulary(tokenizer: bytes, size: int | None) -> list[str]:
    processor = spm.SentencePieceProcessor(model_proto=tokenizer)
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    return pieces + [f"<extra_{i}>" for i in range(max(0, (size or 0) - len(pieces)))]


def _linear(rng, rows, columns, noise):
    return {"weight": (rng.standard_normal((rows, columns)) * noise).astype(np.float32),
            "bias": np.zeros(rows, np.float32)}


def _set(layer, values):
    for name, value in values.items():
        setattr(layer, name, value)


def _norm(layer, size):
    _set(layer, {"gamma": np.ones(size, np.float32), "beta": np.zeros(size, np.float32)})


def build_model(folder: Path, vocabulary: list[str], layers: int = 1, d_model: int = 128, heads: int = 2,
                ffn: int = 256, seed: int = 0, prefixed: bool = False, quantization: str | None = None,
                noise: float = 1e-3, sharpness: float = 1.0) -> None:
    """A CTranslate2 Transformer that copies its input, saved to ``folder``; a ``sharpness`` below 1
    scales its output logits down, so that it copies with less certainty (lower scores)."""
    rng = np.random.default_rng(seed)
    head_dim = d_model // heads
    position_dims = min(64, head_dim // 2)
    token_dims = d_model - position_dims
    per_head = token_dims // heads
    assert per_head <= head_dim
    vocab = len(vocabulary)
    tokens = rng.choice([-1.0, 1.0], size=(vocab, token_dims)).astype(np.float32)
    codes = rng.choice([-1.0, 1.0], size=(POSITIONS, position_dims)).astype(np.float32)
    zeros = np.zeros

    spec = TransformerSpec.from_config(layers, heads)
    spec.encoder.scale_embeddings = False
    spec.decoder.scale_embeddings = False
    positions = zeros((POSITIONS, d_model), np.float32)
    positions[:, token_dims:] = codes
    spec.encoder.position_encodings.encodings = positions
    decoder_positions = positions.copy()
    if prefixed:  # step 0 is the forced language token: the copy starts one step later
        decoder_positions[1:] = positions[:-1]
    spec.decoder.position_encodings.encodings = decoder_positions
    embeddings = zeros((vocab, d_model), np.float32)
    embeddings[:, :token_dims] = tokens
    spec.encoder.embeddings[0].weight = embeddings
    spec.decoder.embeddings.weight = (rng.standard_normal((vocab, d_model)) * noise).astype(np.float32)
    _norm(spec.encoder.layer_norm, d_model)
    _norm(spec.decoder.layer_norm, d_model)
    projection = zeros((vocab, d_model), np.float32)
    projection[:, :token_dims] = tokens * sharpness
    spec.decoder.projection.weight = projection
    spec.decoder.projection.bias = zeros(vocab, np.float32)

    for layer in spec.encoder.layer + spec.decoder.layer:
        _norm(layer.self_attention.layer_norm, d_model)
        _set(layer.self_attention.linear[0], _linear(rng, 3 * d_model, d_model, noise))
        _set(layer.self_attention.linear[1], _linear(rng, d_model, d_model, noise))
        _norm(layer.ffn.layer_norm, d_model)
        _set(layer.ffn.linear_0, _linear(rng, ffn, d_model, noise))
        _set(layer.ffn.linear_1, _linear(rng, d_model, ffn, noise))
    for number, layer in enumerate(spec.decoder.layer):
        attention = layer.attention
        _norm(attention.layer_norm, d_model)
        query, key_value, output = (_linear(rng, 3 * d_model if i == 1 else d_model, d_model, noise)
                                    for i in range(3))
        query["weight"] = query["weight"][:d_model]
        key_value["weight"] = key_value["weight"][:2 * d_model]
        if number == 0:
            for head in range(heads):
                base = head * head_dim
                for j in range(position_dims):
                    query["weight"][base + j, token_dims + j] = 10.0  # this step's position code
                    key_value["weight"][base + j, token_dims + j] = 1.0  # each source position's code
                for j in range(per_head):
                    source_dim = head * per_head + j
                    key_value["weight"][d_model + base + j, source_dim] = 1.0  # that position's token
                    output["weight"][source_dim, base + j] = 1.0
        for linear, values in zip(attention.linear, (query, key_value, output)):
            _set(linear, values)

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.config.add_source_eos = True
    spec.validate()
    spec.optimize(quantization=quantization)
    spec.save(str(folder))


def build_package(out: Path, from_code: str, to_code: str, texts: list[str], version: str = "1.9",
                  target_prefix: str = "", vocabulary_size: int | None = None, **model) -> Path:
    """A ``.argosmodel`` file for ``from_code``→``to_code`` whose model copies its input."""
    name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    staging = out / f"{name}.staging"
    package = staging / name
    (package / "model").mkdir(parents=True, exist_ok=True)
    tokenizer = train_tokenizer(texts, symbols=(target_prefix,) if target_prefix else ())
    (package / "sentencepiece.model").write_bytes(tokenizer)
    build_model(package / "model", _vocabulary(tokenizer, vocabulary_size), prefixed=bool(target_prefix), **model)
    metadata = {"package_version": version, "argos_version": "1.9.0", "from_code": from_code,
                "from_name": from_code, "to_code": to_code, "to_name": to_code, "type": "translate"}
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    (package / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")
    archive = out / f"{name}.argosmodel"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        for path in sorted(package.rglob("*")):
            zipped.write(path, path.relative_to(staging).as_posix())
    return archive
