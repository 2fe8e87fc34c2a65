using System.Globalization;
using System.Text;
using StreamPrivacy.Core.Redaction.Detection;

namespace StreamPrivacy.Core.Tests.Redaction.Quality;

/// <summary>
/// Scores detectors against a labelled corpus. Per entity type: recall (labelled spans fully covered by a
/// detection of the same type, and of any type), precision (detections of the type that overlap a labelled
/// entity of that type), and, over look-alike sentences, survival (sentences with no detection at all).
/// The rendered tables contain counts and rates only, never corpus values.
/// </summary>
internal sealed class QualityReport
{
    private readonly Dictionary<string, TypeStats> _types = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, (int Sentences, int Clean)> _lookAlikes = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, TypeStats> Types => _types;

    public int LookAlikeSentences => _lookAlikes.Values.Sum(v => v.Sentences);

    public double LookAlikeSurvival => Rate(_lookAlikes.Values.Sum(v => v.Clean), LookAlikeSentences);

    public static QualityReport Score(IReadOnlyList<IPiiDetector> detectors, IEnumerable<LabelledSentence> corpus)
    {
        var report = new QualityReport();
        foreach (var type in detectors.Select(d => d.EntityType))
        {
            report._types[type] = new TypeStats();
        }

        var matches = new List<PiiMatch>();
        foreach (var sentence in corpus)
        {
            matches.Clear();
            foreach (var detector in detectors)
            {
                detector.Detect(sentence.Text, matches);
            }

            report.Add(sentence, matches);
        }

        return report;
    }

    /// <summary>Scores the product path: the scanner with its score threshold and overlap resolution.</summary>
    public static QualityReport Score(TextScanner scanner, IEnumerable<LabelledSentence> corpus)
    {
        var report = new QualityReport();
        foreach (var type in scanner.Detectors.Select(d => d.EntityType))
        {
            report._types[type] = new TypeStats();
        }

        var matches = new List<PiiMatch>();
        var scratch = new List<PiiMatch>();
        foreach (var sentence in corpus)
        {
            scanner.Scan(sentence.Text, matches, scratch);
            report.Add(sentence, matches);
        }

        return report;
    }

    private void Add(LabelledSentence sentence, List<PiiMatch> matches)
    {
        if (sentence.IsLookAlike)
        {
            var (n, clean) = _lookAlikes.GetValueOrDefault(sentence.Category!);
            _lookAlikes[sentence.Category!] = (n + 1, clean + (matches.Count == 0 ? 1 : 0));
        }

        foreach (var entity in sentence.Entities)
        {
            var stats = _types[entity.EntityType];
            stats.Entities++;
            if (matches.Exists(m => m.EntityType == entity.EntityType && Covers(m, entity)))
            {
                stats.CoveredSameType++;
            }

            if (matches.Exists(m => Covers(m, entity)))
            {
                stats.CoveredAnyType++;
            }
        }

        foreach (var match in matches)
        {
            var stats = _types[match.EntityType];
            stats.Detections++;
            if (sentence.Entities.Any(e => e.EntityType == match.EntityType && match.Start < e.End && e.Start < match.End))
            {
                stats.TruePositives++;
            }
        }
    }

    private static bool Covers(PiiMatch match, LabelledEntity entity) => match.Start <= entity.Start && match.End >= entity.End;

    public static double Rate(int numerator, int denominator) => denominator == 0 ? 1.0 : (double)numerator / denominator;

    public string Render()
    {
        var sb = new StringBuilder();
        sb.AppendLine("| Entity type | Labelled | Covered (same type) | Recall (same) | Covered (any type) | Recall (any) | Detections | True pos. | Precision |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (type, s) in _types.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {type} | {s.Entities} | {s.CoveredSameType} | {s.RecallSameType:0.0000} | {s.CoveredAnyType} | {s.RecallAnyType:0.0000} | {s.Detections} | {s.TruePositives} | {s.Precision:0.0000} |");
        }

        sb.AppendLine();
        sb.AppendLine("| Look-alike category | Sentences | Left intact | Survival |");
        sb.AppendLine("|---|---:|---:|---:|");
        foreach (var (category, (n, clean)) in _lookAlikes)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {category} | {n} | {clean} | {Rate(clean, n):0.0000} |");
        }

        sb.AppendLine(CultureInfo.InvariantCulture,
            $"| **all look-alikes** | {LookAlikeSentences} | {_lookAlikes.Values.Sum(v => v.Clean)} | {LookAlikeSurvival:0.0000} |");
        return sb.ToString();
    }

    internal sealed class TypeStats
    {
        public int Entities { get; set; }

        public int CoveredSameType { get; set; }

        public int CoveredAnyType { get; set; }

        public int Detections { get; set; }

        public int TruePositives { get; set; }

        public double RecallSameType => Rate(CoveredSameType, Entities);

        public double RecallAnyType => Rate(CoveredAnyType, Entities);

        public double Precision => Rate(TruePositives, Detections);
    }
}
