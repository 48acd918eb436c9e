/// A Jupyter notebook (nbformat 4.5): cells in order and the notebook's metadata.
///
/// The file it renders is deterministic: the same cells and metadata give the same bytes.
public struct NotebookDocument: Sendable, Equatable {
  /// The cells, in reading order.
  public var cells: [NotebookCell]
  /// Notebook-level metadata (kernel, language, and anything else to keep with the file).
  public var metadata: [String: NotebookJSON]

  /// The format version written: nbformat 4, minor 5 (the first with cell ids).
  public static let formatVersion = (major: 4, minor: 5)

  /// The metadata that tells Jupyter to run the notebook with the standard Python 3 kernel.
  public static let pythonMetadata: [String: NotebookJSON] = [
    "kernelspec": .object([
      "display_name": .string("Python 3"), "language": .string("python"), "name": .string("python3"),
    ]),
    "language_info": .object(["name": .string("python")]),
  ]

  /// Creates a notebook.
  public init(cells: [NotebookCell], metadata: [String: NotebookJSON] = NotebookDocument.pythonMetadata) {
    self.cells = cells
    self.metadata = metadata
  }

  /// The notebook as JSON, laid out as `nbformat.write` lays it out.
  public var json: NotebookJSON {
    .object([
      "cells": .array(cells.map(\.json)),
      "metadata": .object(metadata),
      "nbformat": .integer(Self.formatVersion.major),
      "nbformat_minor": .integer(Self.formatVersion.minor),
    ])
  }

  /// The `.ipynb` file's text.
  public func rendered() -> String { json.rendered() }
}
