using System.Collections;

namespace Kiosk.Protocols.Sip2;

/// <summary>
/// The identified fields of a message, in wire order. Repeated fields (AF, AG, AS, AU…) and fields this codec does not
/// know (ILS extensions) are kept in place, so a decoded message encodes back to the same bytes.
/// </summary>
/// <remarks>Immutable: every change returns a new list. Two lists are equal when they hold the same fields in the same order.</remarks>
public sealed class Sip2FieldList : IReadOnlyList<Sip2Field>, IEquatable<Sip2FieldList>
{
    private readonly Sip2Field[] _fields;

    private Sip2FieldList(Sip2Field[] fields) => _fields = fields;

    /// <summary>A list with no fields.</summary>
    public static Sip2FieldList Empty { get; } = new([]);

    /// <summary>Creates a list holding <paramref name="fields"/> in the given order.</summary>
    public static Sip2FieldList Of(params IEnumerable<Sip2Field> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var array = fields.ToArray();
        foreach (var field in array)
        {
            Sip2FieldId.Validate(field.Id);
        }

        return array.Length == 0 ? Empty : new Sip2FieldList(array);
    }

    internal static Sip2FieldList FromTrusted(List<Sip2Field> fields) => fields.Count == 0 ? Empty : new([.. fields]);

    /// <inheritdoc/>
    public int Count => _fields.Length;

    /// <inheritdoc/>
    public Sip2Field this[int index] => _fields[index];

    /// <summary>The value of the first field with <paramref name="id"/>, or null when there is none.</summary>
    public string? Get(string id)
    {
        foreach (var field in _fields)
        {
            if (field.Id == id)
            {
                return field.Value;
            }
        }

        return null;
    }

    /// <summary>The values of every field with <paramref name="id"/>, in wire order.</summary>
    public IReadOnlyList<string> GetAll(string id)
    {
        List<string>? values = null;
        foreach (var field in _fields)
        {
            if (field.Id == id)
            {
                (values ??= []).Add(field.Value);
            }
        }

        return values is null ? [] : values;
    }

    /// <summary>Whether a field with <paramref name="id"/> is present.</summary>
    public bool Contains(string id) => Get(id) is not null;

    /// <summary>
    /// Returns a list where the first field with <paramref name="id"/> holds <paramref name="value"/>. A null value removes
    /// every field with that id. A new field is placed where <paramref name="canonicalOrder"/> puts it, so messages
    /// built in code follow the order of the specification.
    /// </summary>
    public Sip2FieldList Set(string id, string? value, IReadOnlyList<string>? canonicalOrder = null)
    {
        Sip2FieldId.Validate(id);
        if (value is null)
        {
            return Contains(id) ? new Sip2FieldList([.. _fields.Where(f => f.Id != id)]) : this;
        }

        var index = Array.FindIndex(_fields, f => f.Id == id);
        if (index >= 0)
        {
            var copy = (Sip2Field[])_fields.Clone();
            copy[index] = new Sip2Field(id, value);
            return new Sip2FieldList(copy);
        }

        var list = new List<Sip2Field>(_fields);
        list.Insert(InsertionPoint(id, canonicalOrder), new Sip2Field(id, value));
        return new Sip2FieldList([.. list]);
    }

    /// <summary>
    /// Returns a list where the fields with <paramref name="id"/> are exactly <paramref name="values"/>, placed where the
    /// first of them stood, or where <paramref name="canonicalOrder"/> puts them.
    /// </summary>
    public Sip2FieldList SetAll(string id, IEnumerable<string>? values, IReadOnlyList<string>? canonicalOrder = null)
    {
        Sip2FieldId.Validate(id);
        var replacement = (values ?? []).Select(v => new Sip2Field(id, v)).ToList();
        var index = Array.FindIndex(_fields, f => f.Id == id);
        var list = _fields.Where(f => f.Id != id).ToList();
        var at = index >= 0 ? _fields.Take(index).Count(f => f.Id != id) : InsertionPoint(id, canonicalOrder, list);
        list.InsertRange(at, replacement);
        return list.Count == 0 ? Empty : new Sip2FieldList([.. list]);
    }

    /// <summary>Returns a list with <paramref name="field"/> appended at the end.</summary>
    public Sip2FieldList Add(Sip2Field field)
    {
        Sip2FieldId.Validate(field.Id);
        return new Sip2FieldList([.. _fields, field]);
    }

    private int InsertionPoint(string id, IReadOnlyList<string>? order, List<Sip2Field>? current = null)
    {
        IReadOnlyList<Sip2Field> fields = current ?? (IReadOnlyList<Sip2Field>)_fields;
        var rank = order is null ? -1 : IndexOf(order, id);
        if (rank < 0)
        {
            return fields.Count;
        }

        // After the last field that the specification places before this one.
        var at = 0;
        for (var i = 0; i < fields.Count; i++)
        {
            var other = IndexOf(order!, fields[i].Id);
            if (other >= 0 && other <= rank)
            {
                at = i + 1;
            }
        }

        return at;
    }

    private static int IndexOf(IReadOnlyList<string> order, string id)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <inheritdoc/>
    public IEnumerator<Sip2Field> GetEnumerator() => ((IEnumerable<Sip2Field>)_fields).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public bool Equals(Sip2FieldList? other) => other is not null && _fields.AsSpan().SequenceEqual(other._fields);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Sip2FieldList);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var field in _fields)
        {
            hash.Add(field);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join('|', _fields);
}
