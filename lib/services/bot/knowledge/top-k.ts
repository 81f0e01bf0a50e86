/** Keeps the `limit` highest-scoring items seen so far (insertion into a short sorted list: limit is small). */
export class TopK {
  private readonly ids: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly limit: number) {}

  /** The score an item must beat to enter (−∞ until the list is full). */
  get floor() {
    return this.scores.length < this.limit ? -Infinity : this.scores[this.limit - 1];
  }

  push(id: number, score: number) {
    if (this.limit <= 0 || score <= this.floor) return;
    let at = this.scores.length;
    while (at > 0 && this.scores[at - 1] < score) at--;
    this.scores.splice(at, 0, score);
    this.ids.splice(at, 0, id);
    if (this.scores.length > this.limit) {
      this.scores.pop();
      this.ids.pop();
    }
  }

  result() {
    return this.ids.map((id, i) => ({ id, score: this.scores[i] }));
  }
}
