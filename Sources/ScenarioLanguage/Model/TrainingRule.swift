extension ProgrammeRule {
  /// The settings of an employment and skills training programme (`programme training`).
  public struct Training: Sendable, Equatable {
    /// Cost per trainee (one trainee per household), yuan.
    public var cost: ValueExpression
    /// Probability that a trainee finds a job.
    public var employment: ValueExpression
    /// Wage income added while employed, yuan per household per year.
    public var wage: ValueExpression
    /// Probability that an employed household loses the job after a paid year.
    public var jobLoss: ValueExpression
    /// The stream of the employment draw.
    public var employmentStream: String
    /// The stream of the job-loss draw.
    public var jobLossStream: String
    /// Creates training settings.
    public init(
      cost: ValueExpression, employment: ValueExpression, wage: ValueExpression, jobLoss: ValueExpression, employmentStream: String,
      jobLossStream: String
    ) {
      self.cost = cost
      self.employment = employment
      self.wage = wage
      self.jobLoss = jobLoss
      self.employmentStream = employmentStream
      self.jobLossStream = jobLossStream
    }
  }

  /// Whether this is a training programme.
  public var isTraining: Bool {
    if case .training = kind { return true }
    return false
  }
}
