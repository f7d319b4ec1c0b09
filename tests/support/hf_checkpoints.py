"""Tiny Hugging Face translation checkpoints for the ``models convert`` tests, made here offline.

Each is what the Hub holds for a real model, at toy size: a randomly initialised model saved with
``save_pretrained`` (one layer each side, ``d_model`` 16) and its tokenizer's files, around a
SentencePiece model trained on the given texts: Marian (``source.spm``, ``target.spm``,
``vocab.json``, and target language tokens ``>>kaz<<`` for a model of several targets), M2M-100 (``sentencepiece.bpe.model``, ``vocab.json``, ``__fr__``-style language
tokens) and NLLB-200 (the M2M-100 architecture with ``NllbTokenizer`` and ``fra_Latn``-style codes).
"""

import io
import json
from pathlib import Path

import sentencepiece as spm

SIZES = {"d_model": 16, "encoder_layers": 1, "decoder_layers": 1, "encoder_attention_heads": 2,
         "decoder_attention_heads": 2, "encoder_ffn_dim": 32, "decoder_ffn_dim": 32,
         "max_position_embeddings": 256, "init_std": 0.5}


def _sentencepiece(texts: list[str], model_type: str) -> bytes:
    """A small SentencePiece model trained on ``texts``."""
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(sentence_iterator=iter(texts), model_writer=model, vocab_size=300,
                                   hard_vocab_limit=False, character_coverage=1.0, model_type=model_type,
                                   minloglevel=2)
    return model.getvalue()


def _vocabulary(tokenizer: bytes, specials: list[str]) -> dict[str, int]:
    """``specials`` first, then every piece of the SentencePiece model, numbered in that order."""
    processor = spm.SentencePieceProcessor(model_proto=tokenizer)
    pieces = specials + [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    return {piece: number for number, piece in enumerate(dict.fromkeys(pieces))}


def _save(folder: Path, model, tokenizer, card: str | None) -> Path:
    """The model and its tokenizer saved into ``folder``, with a model card when given."""
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    if card is not None:
        (folder / "README.md").write_text(card, encoding="utf-8")
    return folder


def marian(folder: Path, texts: list[str], source: str = "fr", target: str = "en",
           card: str | None = None, targets: tuple[str, ...] = ()) -> Path:
    """A Marian (OPUS-MT) checkpoint for ``source``→``target``, or with ``targets`` (``>>kaz<<``…)
    for several target languages, one of which a source text names first."""
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer
    folder.mkdir(parents=True)
    pieces = _sentencepiece(texts, "unigram")
    for name in ("source.spm", "target.spm"):
        (folder / name).write_bytes(pieces)
    vocabulary = _vocabulary(pieces, ["</s>", "<unk>", *targets])
    vocabulary["<pad>"] = len(vocabulary)
    (folder / "vocab.json").write_text(json.dumps(vocabulary), encoding="utf-8")
    tokenizer = MarianTokenizer(str(folder / "source.spm"), str(folder / "target.spm"), str(folder / "vocab.json"),
                                source_lang=source, target_lang=target)
    config = MarianConfig(vocab_size=len(vocabulary), pad_token_id=vocabulary["<pad>"], eos_token_id=0,
                          decoder_start_token_id=vocabulary["<pad>"], **SIZES)
    torch.manual_seed(0)
    return _save(folder, MarianMTModel(config), tokenizer, card)


def m2m100(folder: Path, texts: list[str], card: str | None = None) -> Path:
    """An M2M-100 checkpoint (its hundred ``__xx__`` language tokens included)."""
    from transformers import M2M100Config, M2M100ForConditionalGeneration, M2M100Tokenizer
    folder.mkdir(parents=True)
    pieces = _sentencepiece(texts, "bpe")
    (folder / "sentencepiece.bpe.model").write_bytes(pieces)
    vocabulary = _vocabulary(pieces, ["<s>", "<pad>", "</s>", "<unk>"])
    (folder / "vocab.json").write_text(json.dumps(vocabulary), encoding="utf-8")
    tokenizer = M2M100Tokenizer(str(folder / "vocab.json"), str(folder / "sentencepiece.bpe.model"), src_lang="fr")
    return _save(folder, _multilingual(M2M100Config, M2M100ForConditionalGeneration, tokenizer), tokenizer, card)


def nllb(folder: Path, texts: list[str], card: str | None = None) -> Path:
    """An NLLB-200 checkpoint: the M2M-100 architecture with ``NllbTokenizer`` and its codes."""
    from transformers import M2M100Config, M2M100ForConditionalGeneration, NllbTokenizer
    from transformers.models.nllb.tokenization_nllb import FAIRSEQ_LANGUAGE_CODES
    folder.mkdir(parents=True)
    (folder / "sentencepiece.bpe.model").write_bytes(_sentencepiece(texts, "bpe"))
    (folder / "tokenizer_config.json").write_text(json.dumps({"tokenizer_class": "NllbTokenizer"}), encoding="utf-8")
    tokenizer = NllbTokenizer.from_pretrained(folder, additional_special_tokens=FAIRSEQ_LANGUAGE_CODES,
                                              src_lang="fra_Latn")
    model = _multilingual(M2M100Config, M2M100ForConditionalGeneration, tokenizer, tokenizer_class="NllbTokenizer")
    return _save(folder, model, tokenizer, card)


def _multilingual(config_class, model_class, tokenizer, **extra):
    """A random M2M-100-architecture model sized to every token ``tokenizer`` knows."""
    import torch
    known = list(tokenizer.get_vocab().values()) + list(getattr(tokenizer, "lang_token_to_id", {}).values())
    size = max(known) + 1 + getattr(tokenizer, "num_madeup_words", 0)
    config = config_class(vocab_size=size, pad_token_id=tokenizer.pad_token_id, bos_token_id=tokenizer.bos_token_id,
                          eos_token_id=tokenizer.eos_token_id, decoder_start_token_id=tokenizer.eos_token_id,
                          **SIZES, **extra)
    torch.manual_seed(0)
    return model_class(config)


def log_probs(checkpoint: Path, language: str | None, sentence: str, target: list[str]) -> list[float]:
    """What the checkpoint itself, run by transformers, gives each of the ``target`` pieces and the
    final ``</s>`` as translation of ``sentence``, tokenized by its own tokenizer (with ``language``
    as the source language of a multilingual model: its token first, ``</s>`` last)."""
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
    tokenizer = AutoTokenizer.from_pretrained(checkpoint)
    if language:
        tokenizer.src_lang = language
    model = AutoModelForSeq2SeqLM.from_pretrained(checkpoint).eval()
    source = tokenizer(sentence, return_tensors="pt")["input_ids"]
    ids = tokenizer.convert_tokens_to_ids(target) + [tokenizer.eos_token_id]
    decoder = torch.tensor([[model.config.decoder_start_token_id] + ids[:-1]])
    with torch.no_grad():
        logits = model(input_ids=source, decoder_input_ids=decoder).logits[0]
    if model.config.model_type == "marian":  # CTranslate2 drops the <pad> Marian starts from: never an output
        logits[:, tokenizer.pad_token_id] = float("-inf")
    return [row[token].item() for row, token in zip(torch.log_softmax(logits, -1), ids)]
