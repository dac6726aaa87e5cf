package id.go.kerjasama.evaluation;

/** Who scored: the implementing region or ministry itself, or Fasker. */
enum Evaluator {
  SELF,
  FASKER
}
