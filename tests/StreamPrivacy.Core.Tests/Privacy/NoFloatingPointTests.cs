using System.Reflection;
using System.Reflection.Emit;
using StreamPrivacy.Core.Privacy;

namespace StreamPrivacy.Core.Tests.Privacy;

/// <summary>
/// The sampling path must be exact: no float/double in signatures, locals, constants, conversions or
/// callees, and no System.Random anywhere in it (Mironov 2012). Checked by walking the IL.
/// </summary>
public sealed class NoFloatingPointTests
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    // Configuration-edge and reporting members that legitimately use doubles.
    private static readonly HashSet<string> EdgeMembers =
    [
        nameof(Rational.FromDouble),
        nameof(Rational.ToDouble),
    ];

    public static TheoryData<Type> SamplingPathTypes =>
    [
        typeof(Rational),
        typeof(RandomBitSource),
        typeof(DeterministicRandomStream),
        typeof(CryptoRandomSource),
        typeof(BernoulliExponential),
        typeof(DiscreteLaplace),
        typeof(DiscreteGaussian),
        typeof(Rational).Assembly.GetType("StreamPrivacy.Core.Privacy.IntegerMath", throwOnError: true)!,
    ];

    [Theory]
    [MemberData(nameof(SamplingPathTypes))]
    public void SamplingPathType_Methods_UseNoFloatingPointOrSystemRandom(Type type)
    {
        var problems = new List<string>();
        foreach (var method in MethodsOf(type).Where(m => !EdgeMembers.Contains(m.Name)))
        {
            problems.AddRange(Inspect(method).Select(p => $"{type.Name}.{method.Name}: {p}"));
        }

        Assert.Empty(problems);
    }

    [Fact]
    public void MechanismNoisePath_UsesNoFloatingPointOrSystemRandom()
    {
        // The mechanisms report doubles (scale, error bar) but their noise path must be exact.
        var problems = new[] { typeof(LaplaceMechanism), typeof(GaussianMechanism) }
            .Select(t => t.GetMethod("AddNoise", BindingFlags.NonPublic | BindingFlags.Instance)!)
            .SelectMany(m => Inspect(m).Select(p => $"{m.DeclaringType!.Name}.{m.Name}: {p}"))
            .ToList();
        Assert.Empty(problems);
    }

    [Fact]
    public void Inspector_MethodUsingDouble_IsFlagged()
    {
        // Guards the guard: the scan must see a double in Rational.ToDouble.
        var toDouble = typeof(Rational).GetMethod(nameof(Rational.ToDouble))!;
        Assert.NotEmpty(Inspect(toDouble));
    }

    internal static IEnumerable<MethodBase> MethodsOf(Type type)
    {
        const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance |
            BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var nested in type.GetNestedTypes(BindingFlags.NonPublic | BindingFlags.Public))
        {
            foreach (var method in MethodsOf(nested))
            {
                yield return method;
            }
        }

        foreach (var method in type.GetMethods(All))
        {
            yield return method;
        }

        foreach (var constructor in type.GetConstructors(All))
        {
            yield return constructor;
        }
    }

    internal static IEnumerable<string> Inspect(MethodBase method)
    {
        if (method is MethodInfo info && IsForbidden(info.ReturnType))
        {
            yield return $"returns {info.ReturnType.Name}";
        }

        foreach (var parameter in method.GetParameters().Where(p => IsForbidden(p.ParameterType)))
        {
            yield return $"parameter {parameter.Name} is {parameter.ParameterType.Name}";
        }

        var body = method.GetMethodBody();
        if (body is null)
        {
            yield break;
        }

        foreach (var local in body.LocalVariables.Where(l => IsForbidden(l.LocalType)))
        {
            yield return $"local {local.LocalIndex} is {local.LocalType.Name}";
        }

        foreach (var problem in ScanIl(method, body.GetILAsByteArray() ?? []))
        {
            yield return problem;
        }
    }

    private static IEnumerable<string> ScanIl(MethodBase method, byte[] il)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = unchecked((short)(0xFE00 | il[position++]));
            }

            var opCode = OpCodesByValue[value];
            if (opCode == OpCodes.Ldc_R4 || opCode == OpCodes.Ldc_R8 || opCode == OpCodes.Conv_R4 ||
                opCode == OpCodes.Conv_R8 || opCode == OpCodes.Conv_R_Un)
            {
                yield return $"IL {opCode.Name}";
            }

            if (opCode.OperandType is OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok)
            {
                var token = BitConverter.ToInt32(il, position);
                var member = method.Module.ResolveMember(token, typeArguments, methodArguments);
                var problem = member switch
                {
                    MethodBase callee when callee.DeclaringType == typeof(Random) => $"calls System.Random.{callee.Name}",
                    MethodInfo callee when IsForbidden(callee.ReturnType) || callee.GetParameters().Any(p => IsForbidden(p.ParameterType)) =>
                        $"calls {callee.DeclaringType?.Name}.{callee.Name} with floating point",
                    MethodBase callee when callee.GetParameters().Any(p => IsForbidden(p.ParameterType)) =>
                        $"calls {callee.DeclaringType?.Name}.{callee.Name} with floating point",
                    FieldInfo field when IsForbidden(field.FieldType) || field.FieldType == typeof(Random) => $"uses field {field.Name}",
                    Type referenced when IsForbidden(referenced) || referenced == typeof(Random) => $"references {referenced.Name}",
                    _ => null,
                };
                if (problem is not null)
                {
                    yield return problem;
                }
            }

            position += OperandSize(opCode, il, position);
        }
    }

    private static int OperandSize(OpCode opCode, byte[] il, int position) => opCode.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
        _ => 4,
    };

    private static bool IsForbidden(Type type)
    {
        var element = type.HasElementType ? type.GetElementType()! : type;
        return element == typeof(double) || element == typeof(float) || element == typeof(Random) ||
            (element.IsGenericType && element.GetGenericArguments().Any(IsForbidden));
    }
}
